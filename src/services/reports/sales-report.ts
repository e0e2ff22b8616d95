import type { Db } from '../../database/connection.js';
import {
  ordersByCategory,
  salesByDay,
  salesByPayment,
  salesByProduct,
  salesTotals,
  soldOrders,
  type SoldSums,
} from '../../database/queries/reports.js';
import type { PaymentMethod } from '../../models/money.js';
import type { SalesDimension, SalesFigures } from '../../models/reports.js';
import { ORDER_TYPE_LABELS, PAYMENT_METHOD_LABELS } from '../../printing/format.js';
import type { OrderType } from '../../printing/receipt-data.js';
import type { Period } from './period.js';

export interface SalesRow extends SalesFigures {
  key: string;
  label: string;
}

/** Summed sales, plus the change handed back (payment rows only, where gross is what was handed over). */
type Sums = SoldSums & { change: number };

interface Group {
  label: string;
  sums: Sums;
}

const WEEKDAYS = ['domingo', 'segunda-feira', 'terça-feira', 'quarta-feira', 'quinta-feira', 'sexta-feira', 'sábado'];

export const dayLabel = (day: string): string => day.split('-').reverse().join('/');

/**
 * The figures of summed sales. Net is gross less every discount (for payments: less the change);
 * cost sums the lines whose cost is known and is null when none is ("custo desconhecido"), and the
 * margin leaves the others out.
 */
export function salesFigures(sums: Sums): SalesFigures {
  const net = sums.gross - sums.discount - sums.change;
  const cost = sums.lines > sums.uncostedLines ? sums.cost : null;
  return {
    orders: sums.orders,
    quantity: sums.quantity,
    gross: sums.gross,
    discounts: sums.discount,
    net,
    change: sums.change,
    cost,
    uncostedNet: sums.uncostedNet,
    margin: cost === null ? null : net - sums.uncostedNet - cost,
  };
}

const empty = (): Sums => ({ orders: 0, lines: 0, quantity: 0, gross: 0, discount: 0, cost: 0, uncostedNet: 0, uncostedLines: 0, change: 0 });

function add(into: Sums, sums: Partial<Sums>): void {
  for (const key of Object.keys(into) as (keyof Sums)[]) into[key] += sums[key] ?? 0;
}

function addTo(groups: Map<string, Group>, key: string, label: string, sums: Partial<Sums>): void {
  const group = groups.get(key) ?? { label, sums: empty() };
  add(group.sums, sums);
  groups.set(key, group);
}

type SoldOrder = ReturnType<typeof soldOrders>[number];

/** Adds the days from `from` to `to` to the groups of one dimension. */
function addDays(db: Db, groups: Map<string, Group>, from: string, to: string, by: SalesDimension, timeZone: string): void {
  switch (by) {
    case 'day':
      for (const d of salesByDay(db, from, to)) addTo(groups, d.day, dayLabel(d.day), d);
      return;
    case 'weekday':
      for (const d of salesByDay(db, from, to)) {
        const weekday = new Date(`${d.day}T00:00:00Z`).getUTCDay();
        addTo(groups, String(weekday), WEEKDAYS[weekday]!, d);
      }
      return;
    case 'product':
      for (const p of salesByProduct(db, from, to)) addTo(groups, p.productId, p.name ?? p.productId, p);
      return;
    case 'category': {
      const orders = new Map(ordersByCategory(db, from, to).map((c) => [c.categoryId ?? '', c.orders]));
      for (const p of salesByProduct(db, from, to)) addTo(groups, p.categoryId ?? '', p.categoryName ?? 'Sem categoria', { ...p, orders: 0 });
      for (const [key, count] of orders) if (groups.has(key)) groups.get(key)!.sums.orders += count;
      return;
    }
    case 'payment':
      for (const p of salesByPayment(db, from, to)) {
        addTo(groups, p.method, PAYMENT_METHOD_LABELS[p.method as PaymentMethod] ?? p.method, { orders: p.orders, gross: p.amount + p.change, change: p.change });
      }
      return;
    default: {
      const hour = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' });
      const keyOf: Record<'hour' | 'terminal' | 'cashier' | 'order_type', (o: SoldOrder) => [string, string]> = {
        hour: (o) => {
          const h = hour.format(o.createdAt);
          return [h, `${h}h`];
        },
        terminal: (o) => [o.terminalId, `Terminal ${o.terminalLetter ?? '?'}`],
        cashier: (o) => [o.cashierId, o.cashierName],
        order_type: (o) => [o.type, ORDER_TYPE_LABELS[o.type as OrderType] ?? o.type],
      };
      for (const o of soldOrders(db, from, to)) addTo(groups, ...keyOf[by](o), { ...o, orders: 1 });
    }
  }
}

const byKey = (a: SalesRow, b: SalesRow) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
const byNet = (a: SalesRow, b: SalesRow) => b.net - a.net || byKey(a, b);

/** The rows of one period grouped by one dimension, and their totals. */
export function salesRows(db: Db, period: Period, by: SalesDimension, timeZone: string): { rows: SalesRow[]; totals: SalesFigures } {
  const groups = new Map<string, Group>();
  const totals = empty();
  addDays(db, groups, period.from, period.to, by, timeZone);
  add(totals, salesTotals(db, period.from, period.to));
  const rows = [...groups].map(([key, g]) => ({ key, label: g.label, ...salesFigures(g.sums) }));
  rows.sort(by === 'day' || by === 'weekday' || by === 'hour' ? byKey : byNet);
  if (by !== 'payment') return { rows, totals: salesFigures(totals) };
  // By payment the totals are the rows': what was handed over, the change, what stayed (the sales' net).
  const paid = rows.reduce((sum, row) => ({ gross: sum.gross + row.gross, change: sum.change + row.change }), { gross: 0, change: 0 });
  return { rows, totals: { ...salesFigures({ ...empty(), orders: totals.orders, quantity: totals.quantity, ...paid }), cost: null, margin: null } };
}
