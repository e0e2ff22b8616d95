import type { Db } from '../../../database/connection.js';
import { salesByDay, salesByPayment, salesTotals } from '../../../database/queries/reports.js';
import { periodEndings } from '../../../database/queries/shop-documents.js';
import type { ChainFigures } from '../../../models/chain.js';
import type { ChainSummary } from '../../../sync/chain-reader.js';
import { averageOf } from '../../../utils/money.js';

type Figures = Omit<ChainFigures, 'averageTicket'>;

const withAverage = (figures: Figures): ChainFigures => ({ ...figures, averageTicket: averageOf(figures.net, figures.orders) });

/** Adds amounts under the same key, keys in order. */
function summed<K extends string>(rows: Iterable<{ key: string; amount: number }>, name: K): Array<Record<K, string> & { amount: number }> {
  const sums = new Map<string, number>();
  for (const { key, amount } of rows) sums.set(key, (sums.get(key) ?? 0) + amount);
  return [...sums].sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, amount]) => ({ [name]: key, amount }) as Record<K, string> & { amount: number });
}

/** Figures from parts (days of terminals, or shops): every amount is a sum, so the total of the parts is the parts' total. */
function combine(parts: readonly Figures[]): ChainFigures {
  const add = (pick: (f: Figures) => number) => parts.reduce((sum, f) => sum + pick(f), 0);
  return withAverage({
    orders: add((f) => f.orders),
    gross: add((f) => f.gross),
    discounts: add((f) => f.discounts),
    net: add((f) => f.net),
    payments: summed(parts.flatMap((f) => f.payments.map((p) => ({ key: p.method, amount: p.amount }))), 'method'),
    voided: { orders: add((f) => f.voided.orders), total: add((f) => f.voided.total) },
    cancelled: { orders: add((f) => f.cancelled.orders), total: add((f) => f.cancelled.total) },
    days: summed(parts.flatMap((f) => f.days.map((d) => ({ key: d.day, amount: d.net }))), 'day').map(({ day, amount }) => ({ day, net: amount })),
  });
}

/** The sum of several shops' figures: the chain's total column. */
export const sumFigures = (shops: readonly ChainFigures[]): ChainFigures => combine(shops);

/** A shop's figures from its terminals' day summaries, as another shop's database holds them. */
export const figuresOfSummaries = (summaries: readonly ChainSummary[]): ChainFigures =>
  combine(
    summaries.map((s) => ({
      orders: s.orders,
      gross: s.grossCents,
      discounts: s.discountsCents,
      net: s.netCents,
      payments: s.byPayment.map((p) => ({ method: p.method, amount: p.amountCents })),
      voided: { orders: s.voided.orders, total: s.voided.totalCents },
      cancelled: { orders: s.cancelled.orders, total: s.cancelled.totalCents },
      days: s.orders > 0 ? [{ day: s.businessDay, net: s.netCents }] : [],
    })),
  );

/**
 * This shop's figures from its own database: it holds every terminal's sales once synced, works
 * with the internet down, and is what its own reports read, so the chain's column for this shop
 * always agrees with "Relatórios" to the centavo.
 */
export function localFigures(db: Db, from: string, to: string): ChainFigures {
  const totals = salesTotals(db, from, to);
  const endings = periodEndings(db, from, to);
  const ending = (status: 'voided' | 'cancelled') => {
    const row = endings.find((e) => e.status === status);
    return { orders: row?.orders ?? 0, total: row?.total ?? 0 };
  };
  return withAverage({
    orders: totals.orders,
    gross: totals.gross,
    discounts: totals.discount,
    net: totals.gross - totals.discount,
    payments: summed(salesByPayment(db, from, to).map((p) => ({ key: p.method, amount: p.amount })), 'method'),
    voided: ending('voided'),
    cancelled: ending('cancelled'),
    days: salesByDay(db, from, to).map((d) => ({ day: d.day, net: d.gross - d.discount })),
  });
}
