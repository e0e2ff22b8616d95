import type { PeriodInput } from '../../models/reports.js';
import { businessDay, businessDayStart, shiftDay } from '../../utils/business-day.js';

export interface Period {
  from: string;
  to: string;
  days: number;
}

const daysBetween = (from: string, to: string): number => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;

const period = (from: string, to: string): Period => ({ from, to, days: daysBetween(from, to) });

const monthStart = (day: string): string => `${day.slice(0, 7)}-01`;

const lastDayOfMonth = (day: string): string => shiftDay(monthStart(shiftDay(monthStart(day), 31)), -1);

/** A preset read on the shop's own calendar: "today" is the business day under way (before 04:00, still last night's). */
export function resolvePeriod(input: PeriodInput, now: number, settings: { timezone: string; businessDayStartsAt: string }): Period {
  if (!input.preset) return period(input.from!, input.to!);
  const today = businessDay(now, settings.timezone, settings.businessDayStartsAt);
  switch (input.preset) {
    case 'today':
      return period(today, today);
    case 'yesterday':
      return period(shiftDay(today, -1), shiftDay(today, -1));
    case 'this_week': {
      // Weeks start on Monday.
      const weekday = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7;
      return period(shiftDay(today, -weekday), today);
    }
    case 'this_month':
      return period(monthStart(today), today);
    case 'last_month': {
      const last = shiftDay(monthStart(today), -1);
      return period(monthStart(last), last);
    }
  }
}

/**
 * The period a report compares with: a whole month with the whole month before, the part of a month
 * gone by with the same days of the month before; anything else with as many days right before it.
 */
export function previousPeriod(current: Period): Period {
  const wholeMonths = current.from === monthStart(current.from) && current.to.slice(0, 7) === current.from.slice(0, 7);
  if (wholeMonths) {
    const from = monthStart(shiftDay(current.from, -1));
    const end = lastDayOfMonth(from);
    const to = `${from.slice(0, 8)}${current.to.slice(8)}`;
    return period(from, current.to === lastDayOfMonth(current.to) || to > end ? end : to);
  }
  return period(shiftDay(current.from, -current.days), shiftDay(current.from, -1));
}

/** The moments a period covers, [start, end): from the turn of its first day to the turn after its last. */
export const periodBounds = (current: Period, settings: { timezone: string; businessDayStartsAt: string }): [number, number] => [
  businessDayStart(current.from, settings.timezone, settings.businessDayStartsAt),
  businessDayStart(shiftDay(current.to, 1), settings.timezone, settings.businessDayStartsAt),
];
