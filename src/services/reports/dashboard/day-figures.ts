import type { Db } from '../../../database/connection.js';
import { dayOrderKinds, hourlySales, type OrderKind } from '../../../database/queries/dashboard.js';
import type { DashboardView, SalesFigures } from '../../../models/dashboard.js';
import { businessDayStart, shiftDay } from '../../../utils/business-day.js';
import { averageOf } from '../../../utils/money.js';

const HOUR = 3_600_000;

/** Today's business day and the same weekday a week before, each with the moment it began. */
export function comparedDays(now: number, today: string, timeZone: string, startsAt: string) {
  const lastWeek = shiftDay(today, -7);
  const todayStart = businessDayStart(today, timeZone, startsAt);
  return {
    today,
    todayStart,
    todayEnd: businessDayStart(shiftDay(today, 1), timeZone, startsAt),
    lastWeek,
    lastWeekStart: businessDayStart(lastWeek, timeZone, startsAt),
    /** How far into its business day now is: last week is compared up to the same point. */
    elapsed: now - todayStart,
  };
}

type Days = ReturnType<typeof comparedDays>;

type KindRows = ReturnType<typeof dayOrderKinds>;

const ofKind = (rows: KindRows, kind: OrderKind) => rows.find((r) => r.kind === kind) ?? { count: 0, total: 0, discounts: 0 };

/** Voided, cancelled or open orders: how many and their value, shown apart from the sales. */
const apart = (rows: KindRows, kind: OrderKind) => {
  const { count, total } = ofKind(rows, kind);
  return { count, total };
};

const salesFigures = (rows: KindRows): SalesFigures => {
  const sold = ofKind(rows, 'sold');
  return { orders: sold.count, netSales: sold.total, averageTicket: averageOf(sold.total, sold.count), discounts: sold.discounts };
};

/** Today's sales with voided, cancelled and open orders apart; last week's up to the same time of its day. */
export function salesCards(db: Db, days: Days): Pick<DashboardView, 'today' | 'lastWeek'> {
  // Today has no cut: an order stamped by a terminal whose clock runs ahead is still today's.
  const today = dayOrderKinds(db, days.today, Number.MAX_SAFE_INTEGER);
  return {
    today: { ...salesFigures(today), voided: apart(today, 'voided'), cancelled: apart(today, 'cancelled'), open: apart(today, 'open') },
    lastWeek: salesFigures(dayOrderKinds(db, days.lastWeek, days.lastWeekStart + days.elapsed)),
  };
}

/**
 * Sales hour by hour of the business day, from the turn (04:00) to the hour before the next one
 * (03:00, after midnight), today against last week's same weekday, hour for hour.
 */
export function salesByHour(db: Db, days: Days, timeZone: string): Pick<DashboardView, 'hours' | 'currentHour'> {
  const count = Math.round((days.todayEnd - days.todayStart) / HOUR);
  const clamp = (hour: number) => Math.min(Math.max(hour, 0), count - 1);
  const label = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const hours = Array.from({ length: count }, (_, i) => ({ label: label.format(days.todayStart + i * HOUR), today: 0, lastWeek: 0 }));
  for (const row of hourlySales(db, days.today, days.todayStart)) hours[clamp(row.hour)]!.today += row.total;
  for (const row of hourlySales(db, days.lastWeek, days.lastWeekStart)) hours[clamp(row.hour)]!.lastWeek += row.total;
  return { hours, currentHour: clamp(Math.floor(days.elapsed / HOUR)) };
}
