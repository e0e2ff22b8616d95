import { describe, expect, it } from 'vitest';
import { businessDay, businessDayStart, shiftDay } from '../../src/utils/business-day.js';

/** The epoch ms of a wall-clock time given with its UTC offset, as a person in that zone reads it. */
const at = (isoWithOffset: string) => Date.parse(isoWithOffset);

describe('businessDay', () => {
  it('turns at the configured hour in the shop zone, whatever UTC says', () => {
    // São Paulo today (UTC−3, no daylight saving): 03:59 is still the night before, 04:01 the new day.
    expect(businessDay(at('2026-03-11T03:59:00-03:00'), 'America/Sao_Paulo', '04:00')).toBe('2026-03-10');
    expect(businessDay(at('2026-03-11T04:01:00-03:00'), 'America/Sao_Paulo', '04:00')).toBe('2026-03-11');
    // 23:30 local is already the next day in UTC, and still the same business day.
    expect(businessDay(at('2026-03-11T23:30:00-03:00'), 'America/Sao_Paulo', '04:00')).toBe('2026-03-11');
    expect(businessDay(at('2026-03-11T05:00:00-03:00'), 'America/Sao_Paulo', '06:30')).toBe('2026-03-10');
    expect(businessDay(at('2026-03-11T06:30:00-03:00'), 'America/Sao_Paulo', '06:30')).toBe('2026-03-11');
  });

  it('is right on the days New York springs forward and falls back', () => {
    // 2018-03-11: 02:00 EST became 03:00 EDT.
    expect(businessDay(at('2018-03-11T03:59:00-04:00'), 'America/New_York', '04:00')).toBe('2018-03-10');
    expect(businessDay(at('2018-03-11T04:01:00-04:00'), 'America/New_York', '04:00')).toBe('2018-03-11');
    expect(businessDay(at('2018-03-11T01:30:00-05:00'), 'America/New_York', '04:00')).toBe('2018-03-10');
    // 2018-11-04: 02:00 EDT became 01:00 EST.
    expect(businessDay(at('2018-11-04T03:59:00-05:00'), 'America/New_York', '04:00')).toBe('2018-11-03');
    expect(businessDay(at('2018-11-04T04:01:00-05:00'), 'America/New_York', '04:00')).toBe('2018-11-04');
    expect(businessDay(at('2018-11-04T01:30:00-04:00'), 'America/New_York', '04:00')).toBe('2018-11-03');
    expect(businessDay(at('2018-11-04T01:30:00-05:00'), 'America/New_York', '04:00')).toBe('2018-11-03');
  });

  it('is right on the days São Paulo still had daylight saving (2018/2019)', () => {
    // 2018-11-04: midnight became 01:00 (UTC−2).
    expect(businessDay(at('2018-11-04T03:59:00-02:00'), 'America/Sao_Paulo', '04:00')).toBe('2018-11-03');
    expect(businessDay(at('2018-11-04T04:01:00-02:00'), 'America/Sao_Paulo', '04:00')).toBe('2018-11-04');
    // 2019-02-17: midnight went back to 23:00 of the 16th (UTC−3 again).
    expect(businessDay(at('2019-02-17T03:59:00-03:00'), 'America/Sao_Paulo', '04:00')).toBe('2019-02-16');
    expect(businessDay(at('2019-02-17T04:01:00-03:00'), 'America/Sao_Paulo', '04:00')).toBe('2019-02-17');
    expect(businessDay(at('2019-02-16T23:30:00-03:00'), 'America/Sao_Paulo', '04:00')).toBe('2019-02-16');
  });

  it('turns at midnight when told to', () => {
    expect(businessDay(at('2026-03-11T00:00:00-03:00'), 'America/Sao_Paulo', '00:00')).toBe('2026-03-11');
    expect(businessDay(at('2026-03-10T23:59:00-03:00'), 'America/Sao_Paulo', '00:00')).toBe('2026-03-10');
  });
});

describe('shiftDay', () => {
  it('moves a calendar date by whole days across months, years and leap days', () => {
    expect(shiftDay('2026-03-01', -1)).toBe('2026-02-28');
    expect(shiftDay('2024-02-28', 1)).toBe('2024-02-29');
    expect(shiftDay('2025-12-31', 1)).toBe('2026-01-01');
    expect(shiftDay('2026-01-10', -40)).toBe('2025-12-01');
  });
});

describe('businessDayStart', () => {
  it('is the turn hour on the wall clock of the day, daylight saving or not', () => {
    expect(businessDayStart('2026-03-11', 'America/Sao_Paulo', '04:00')).toBe(at('2026-03-11T04:00:00-03:00'));
    expect(businessDayStart('2018-11-04', 'America/Sao_Paulo', '04:00')).toBe(at('2018-11-04T04:00:00-02:00'));
    expect(businessDayStart('2019-02-17', 'America/Sao_Paulo', '04:00')).toBe(at('2019-02-17T04:00:00-03:00'));
    expect(businessDayStart('2018-03-11', 'America/New_York', '04:00')).toBe(at('2018-03-11T04:00:00-04:00'));
    expect(businessDayStart('2018-11-04', 'America/New_York', '04:00')).toBe(at('2018-11-04T04:00:00-05:00'));
    // Each start belongs to its own day, the minute before to the day before.
    const start = businessDayStart('2018-11-04', 'America/New_York', '04:00');
    expect(businessDay(start, 'America/New_York', '04:00')).toBe('2018-11-04');
    expect(businessDay(start - 60_000, 'America/New_York', '04:00')).toBe('2018-11-03');
  });
});
