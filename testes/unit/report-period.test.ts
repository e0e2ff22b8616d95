import { describe, expect, it } from 'vitest';
import { PeriodInput } from '../../src/models/reports.js';
import { previousPeriod, resolvePeriod } from '../../src/services/reports/period.js';

const shop = { timezone: 'America/Sao_Paulo', businessDayStartsAt: '04:00' };
// Wednesday 2026-12-02 at 03:30 in São Paulo: still Tuesday's business day.
const lateTuesdayNight = Date.parse('2026-12-02T03:30:00-03:00');
const wednesdayLunch = Date.parse('2026-12-02T12:00:00-03:00');

describe('report periods', () => {
  it('resolves presets on the shop calendar, the day turning at its hour', () => {
    expect(resolvePeriod({ preset: 'today' }, lateTuesdayNight, shop)).toEqual({ from: '2026-12-01', to: '2026-12-01', days: 1 });
    expect(resolvePeriod({ preset: 'today' }, wednesdayLunch, shop)).toEqual({ from: '2026-12-02', to: '2026-12-02', days: 1 });
    expect(resolvePeriod({ preset: 'yesterday' }, wednesdayLunch, shop)).toEqual({ from: '2026-12-01', to: '2026-12-01', days: 1 });
    expect(resolvePeriod({ preset: 'this_week' }, wednesdayLunch, shop)).toEqual({ from: '2026-11-30', to: '2026-12-02', days: 3 });
    expect(resolvePeriod({ preset: 'this_month' }, wednesdayLunch, shop)).toEqual({ from: '2026-12-01', to: '2026-12-02', days: 2 });
    expect(resolvePeriod({ preset: 'this_month' }, lateTuesdayNight, shop)).toEqual({ from: '2026-12-01', to: '2026-12-01', days: 1 });
    expect(resolvePeriod({ preset: 'last_month' }, wednesdayLunch, shop)).toEqual({ from: '2026-11-01', to: '2026-11-30', days: 30 });
    expect(resolvePeriod({ from: '2026-01-01', to: '2026-12-31' }, wednesdayLunch, shop)).toEqual({ from: '2026-01-01', to: '2026-12-31', days: 365 });
  });

  it('compares with the period before: the month before for months, as many days right before otherwise', () => {
    expect(previousPeriod({ from: '2026-11-01', to: '2026-11-30', days: 30 })).toEqual({ from: '2026-10-01', to: '2026-10-31', days: 31 });
    expect(previousPeriod({ from: '2026-10-01', to: '2026-10-31', days: 31 })).toEqual({ from: '2026-09-01', to: '2026-09-30', days: 30 });
    expect(previousPeriod({ from: '2026-10-01', to: '2026-10-30', days: 30 })).toEqual({ from: '2026-09-01', to: '2026-09-30', days: 30 });
    expect(previousPeriod({ from: '2026-03-01', to: '2026-03-31', days: 31 })).toEqual({ from: '2026-02-01', to: '2026-02-28', days: 28 });
    expect(previousPeriod({ from: '2026-12-01', to: '2026-12-02', days: 2 })).toEqual({ from: '2026-11-01', to: '2026-11-02', days: 2 });
    expect(previousPeriod({ from: '2026-11-30', to: '2026-12-02', days: 3 })).toEqual({ from: '2026-11-27', to: '2026-11-29', days: 3 });
    expect(previousPeriod({ from: '2026-12-02', to: '2026-12-02', days: 1 })).toEqual({ from: '2026-12-01', to: '2026-12-01', days: 1 });
  });

  it('refuses a bad period in pt-BR, naming the field', () => {
    const issues = (input: unknown) => {
      const parsed = PeriodInput.safeParse(input);
      return parsed.success ? [] : parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message }));
    };
    expect(issues({ from: '2026-12-10', to: '2026-12-01' })).toEqual([{ field: 'from', message: 'A data inicial não pode ser depois da data final.' }]);
    expect(issues({ from: '2023-01-01', to: '2026-01-01' })).toEqual([{ field: 'to', message: 'O período pode ter no máximo 3 anos.' }]);
    expect(issues({ from: '2023-01-02', to: '2026-01-01' })).toEqual([]);
    expect(issues({ from: '2026-02-30', to: '2026-03-01' })).toEqual([{ field: 'from', message: 'A data inicial não existe.' }]);
    expect(issues({ from: '01/12/2026', to: '2026-12-01' })[0]).toEqual({ field: 'from', message: 'A data inicial deve estar no formato AAAA-MM-DD.' });
    expect(issues({ to: '2026-12-01' })).toEqual([{ field: 'from', message: 'Informe a data inicial do período.' }]);
    expect(issues({ preset: 'today', from: '2026-12-01' })).toEqual([{ field: 'preset', message: 'Escolha um período pronto ou as datas, não os dois.' }]);
  });
});
