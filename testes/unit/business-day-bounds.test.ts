import { describe, expect, it } from 'vitest';
import { businessDay, businessDayStart, shiftDay } from '../../src/utils/business-day.js';

describe('where a business day begins', () => {
  it('at the set hour in the shop zone: 04:00 in São Paulo is 07:00 UTC', () => {
    expect(businessDayStart('2026-11-30', 'America/Sao_Paulo', '04:00')).toBe(Date.UTC(2026, 10, 30, 7, 0));
    expect(businessDayStart('2026-11-30', 'America/Sao_Paulo', '04:30')).toBe(Date.UTC(2026, 10, 30, 7, 30));
    expect(businessDayStart('2026-11-30', 'UTC', '00:00')).toBe(Date.UTC(2026, 10, 30));
  });

  it('a moment one minute before the start is the day before; the start itself is the day', () => {
    for (const [zone, startsAt, day] of [
      ['America/Sao_Paulo', '04:00', '2026-11-30'],
      ['Europe/Lisbon', '04:00', '2026-03-29'], // summer time starts that night at 01:00
      ['America/New_York', '05:00', '2026-11-01'], // and here it ends at 02:00
      ['Asia/Kolkata', '03:30', '2026-06-15'],
    ] as const) {
      const start = businessDayStart(day, zone, startsAt);
      expect(businessDay(start, zone, startsAt)).toBe(day);
      expect(businessDay(start - 60_000, zone, startsAt)).toBe(shiftDay(day, -1));
    }
  });

  it('days are shifted on the calendar, across months and years', () => {
    expect(shiftDay('2026-12-02', -7)).toBe('2026-11-25');
    expect(shiftDay('2026-03-03', -7)).toBe('2026-02-24');
    expect(shiftDay('2027-01-03', -7)).toBe('2026-12-27');
    expect(shiftDay('2026-12-31', 1)).toBe('2027-01-01');
  });
});
