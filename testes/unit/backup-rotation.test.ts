import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backupsToKeep, DEFAULT_ROTATION, isoWeek, type RotatedBackup } from '../../src/database/backup-rotation.js';

const DAY = 86_400_000;
const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const at = (day: string, time = '12:00:00') => Date.parse(`${day}T${time}Z`);
const copy = (day: string, reason = 'daily', time = '12:00:00'): RotatedBackup => ({ file: `${day}T${time}-${reason}`, reason, takenAt: at(day, time) });

describe('backup rotation (what is kept)', () => {
  it('ISO weeks start on Monday and belong to the year of their Thursday', () => {
    expect(isoWeek('2026-12-31')).toBe('2026-W53');
    expect(isoWeek('2027-01-03')).toBe('2026-W53');
    expect(isoWeek('2027-01-04')).toBe('2027-W01');
    expect(isoWeek('2025-12-29')).toBe('2026-W01');
    expect(isoWeek('2026-06-15')).toBe('2026-W25');
  });

  it('keeps the newest copy of each of the last 7 days, 4 weeks and 12 months that have one', () => {
    const backups: RotatedBackup[] = [];
    for (let t = at('2026-01-01'); t <= at('2026-12-31'); t += DAY) backups.push(copy(utcDay(t)));
    // An evening close on two days: the newest of its day, so it is the one kept for that day.
    backups.push(copy('2026-12-30', 'close', '23:00:00'), copy('2026-03-31', 'close', '22:00:00'));
    const kept = [...backupsToKeep(backups, at('2026-12-31', '13:00:00'), DEFAULT_ROTATION, utcDay)].sort();
    expect(kept).toEqual(
      [
        ...['01-31', '02-28', '03-31T22:00:00-close', '04-30', '05-31', '06-30', '07-31', '08-31', '09-30', '10-31', '11-30'],
        ...['12-13', '12-20'],
        ...['12-25', '12-26', '12-27', '12-28', '12-29', '12-30T23:00:00-close', '12-31'],
      ]
        .map((day) => (day.includes('T') ? `2026-${day}` : `2026-${day}T12:00:00-daily`))
        .sort(),
    );
  });

  it('days with no copy use no slot: after a month closed, the last 7 copies are still there', () => {
    const backups = ['2026-05-01', '2026-05-02', '2026-05-03', '2026-05-04', '2026-05-05', '2026-05-06', '2026-05-07', '2026-05-08'].map((d) => copy(d));
    const kept = backupsToKeep(backups, at('2026-06-20'), { daily: 7, weekly: 0, monthly: 0 }, utcDay);
    expect([...kept].sort()).toEqual(backups.slice(1).map((b) => b.file));
  });

  it('the newest copy taken before a restore is never rotated away; older ones are', () => {
    const backups = [copy('2026-01-10', 'restore'), copy('2026-01-20', 'restore'), ...['2026-03-01', '2026-03-02'].map((d) => copy(d))];
    const kept = backupsToKeep(backups, at('2026-03-03'), { daily: 2, weekly: 0, monthly: 0 }, utcDay);
    expect([...kept].sort()).toEqual(['2026-01-20T12:00:00-restore', '2026-03-01T12:00:00-daily', '2026-03-02T12:00:00-daily']);
  });

  it("a copy set aside before a restore takes no day's place: the day's own copy stays", () => {
    const backups = [copy('2026-03-02', 'daily', '10:00:00'), copy('2026-03-02', 'restore', '11:00:00'), copy('2026-03-01')];
    const kept = backupsToKeep(backups, at('2026-03-03'), { daily: 2, weekly: 0, monthly: 0 }, utcDay);
    expect([...kept].sort()).toEqual(['2026-03-01T12:00:00-daily', '2026-03-02T10:00:00-daily', '2026-03-02T11:00:00-restore']);
  });

  it('a copy dated after now (the clock was set back) is kept and takes no slot', () => {
    const backups = [copy('2026-09-01'), copy('2026-08-01'), copy('2026-07-01')];
    const kept = backupsToKeep(backups, at('2026-08-15'), { daily: 1, weekly: 0, monthly: 0 }, utcDay);
    expect([...kept].sort()).toEqual(['2026-08-01T12:00:00-daily', '2026-09-01T12:00:00-daily']);
  });

  it('never keeps more than the policy allows, and always keeps the newest copy', () => {
    const arbitraryBackups = fc.uniqueArray(
      fc.record({ offset: fc.integer({ min: 0, max: 800 * DAY }), reason: fc.constantFrom('daily', 'close', 'manual', 'update', 'migration') }),
      { minLength: 1, maxLength: 80, selector: (b) => b.offset },
    );
    fc.assert(
      fc.property(arbitraryBackups, fc.nat({ max: 9 }), fc.nat({ max: 5 }), fc.nat({ max: 14 }), (raw, daily, weekly, monthly) => {
        const now = at('2028-12-31');
        const backups = raw.map(({ offset, reason }) => ({ file: `f${offset}`, reason, takenAt: now - offset }));
        const kept = backupsToKeep(backups, now, { daily, weekly, monthly }, utcDay);
        expect(kept.size).toBeLessThanOrEqual(daily + weekly + monthly);
        const newest = backups.reduce((a, b) => (b.takenAt > a.takenAt ? b : a));
        if (daily + weekly + monthly > 0) expect(kept.has(newest.file)).toBe(true);
      }),
    );
  });
});
