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

const WEEKDAYS = ['domingo', 'segunda-feira', 'terça-feira', 'quarta-feira', 'quinta-feira', 'sexta-feira', 'sábado'];

export const dayLabel = (day: string): string => day.split('-').reverse().join('/');

/**
 * The figures of summed sales. Net is gross less every discount; cost sums the lines whose cost is
 * known and is null when none is ("custo desconhecido"), and the margin leaves the others out.
 */
export function salesFigures(sums: SoldSums): SalesFigures {
  const net = sums.gross - sums.discount;
  const cost = sums.lines > sums.uncostedLines ? sums.cost : null;
  return {
    orders: sums.orders,
    quantity: sums.quantity,
    gross: sums.gross,
    discounts: sums.discount,
    net,
    change: 0,
    cost,
    uncostedNet: sums.uncostedNet,
    margin: cost === null ? null : net - sums.uncostedNet - cost,
  };
}

const EMPTY: SoldSums = { orders: 0, lines: 0, quantity: 0, gross: 0, discount: 0, cost: 0, uncostedNet: 0, uncostedLines: 0 };

function add(into: SoldSums, sums: SoldSums): void {
  for (const key of Object.keys(EMPTY) as (keyof SoldSums)[]) into[key] += sums[key];
}

/** Sums entries into groups by key, keeping each group's label. */
function grouped<T>(entries: readonly T[], group: (entry: T) => { key: string; label: string; sums: SoldSums }): SalesRow[] {
  const groups = new Map<string, { label: string; sums: SoldSums }>();
  for (const entry of entries) {
    const { key, label, sums } = group(entry);
    const found = groups.get(key) ?? { label, sums: { ...EMPTY } };
    add(found.sums, sums);
    groups.set(key, found);
  }
  return [...groups].map(([key, g]) => ({ key, label: g.label, ...salesFigures(g.sums) }));
}

const byKey = (a: SalesRow, b: SalesRow) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
const byNet = (a: SalesRow, b: SalesRow) => b.net - a.net || byKey(a, b);

/** The rows of one period, grouped by one dimension, and their totals. */
export function salesRows(db: Db, period: Period, by: SalesDimension, timeZone: string): { rows: SalesRow[]; totals: SalesFigures } {
  const { from, to } = period;
  const totals = salesFigures(salesTotals(db, from, to));
  switch (by) {
    case 'day':
      return { rows: salesByDay(db, from, to).map((d) => ({ key: d.day, label: dayLabel(d.day), ...salesFigures(d) })), totals };
    case 'weekday':
      return {
        rows: grouped(salesByDay(db, from, to), (d) => {
          const weekday = new Date(`${d.day}T00:00:00Z`).getUTCDay();
          return { key: String(weekday), label: WEEKDAYS[weekday]!, sums: d };
        }).sort(byKey),
        totals,
      };
    case 'product':
      return { rows: salesByProduct(db, from, to).map((p) => ({ key: p.productId, label: p.name ?? p.productId, ...salesFigures(p) })).sort(byNet), totals };
    case 'category': {
      const orders = new Map(ordersByCategory(db, from, to).map((c) => [c.categoryId ?? '', c.orders]));
      const rows = grouped(salesByProduct(db, from, to), (p) => ({ key: p.categoryId ?? '', label: p.categoryName ?? 'Sem categoria', sums: { ...p, orders: 0 } }));
      return { rows: rows.map((row) => ({ ...row, orders: orders.get(row.key) ?? 0 })).sort(byNet), totals };
    }
    case 'payment': {
      const rows = salesByPayment(db, from, to).map((p) => ({
        key: p.method,
        label: PAYMENT_METHOD_LABELS[p.method as PaymentMethod] ?? p.method,
        orders: p.orders,
        quantity: 0,
        gross: p.amount + p.change,
        discounts: 0,
        net: p.amount,
        change: p.change,
        cost: null,
        uncostedNet: 0,
        margin: null,
      }));
      const sum = (field: 'gross' | 'net' | 'change') => rows.reduce((total, row) => total + row[field], 0);
      return {
        rows: rows.sort(byNet),
        totals: { ...totals, gross: sum('gross'), discounts: 0, net: sum('net'), change: sum('change'), cost: null, uncostedNet: 0, margin: null },
      };
    }
    case 'hour':
    case 'terminal':
    case 'cashier':
    case 'order_type': {
      const hour = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' });
      const keyOf = {
        hour: (o: ReturnType<typeof soldOrders>[number]) => {
          const h = hour.format(o.createdAt);
          return { key: h, label: `${h}h` };
        },
        terminal: (o: ReturnType<typeof soldOrders>[number]) => ({ key: o.terminalId, label: `Terminal ${o.terminalLetter ?? '?'}` }),
        cashier: (o: ReturnType<typeof soldOrders>[number]) => ({ key: o.cashierId, label: o.cashierName }),
        order_type: (o: ReturnType<typeof soldOrders>[number]) => ({ key: o.type, label: ORDER_TYPE_LABELS[o.type as OrderType] ?? o.type }),
      }[by];
      const rows = grouped(soldOrders(db, from, to), (o) => ({ ...keyOf(o), sums: { ...o, orders: 1 } }));
      return { rows: rows.sort(by === 'hour' ? byKey : byNet), totals };
    }
  }
}
