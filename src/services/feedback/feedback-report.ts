import Papa from 'papaparse';
import type { Db } from '../../database/connection.js';
import { queryFeedback, type FeedbackFilter } from './feedback-query.js';

interface Stat {
  key: string;
  label: string;
  count: number;
  average: number;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

function group(entries: { key: string; label: string; rating: number }[], sortByKey = true): Stat[] {
  const map = new Map<string, { label: string; sum: number; count: number }>();
  for (const e of entries) {
    const g = map.get(e.key) ?? { label: e.label, sum: 0, count: 0 };
    g.sum += e.rating;
    g.count += 1;
    map.set(e.key, g);
  }
  const stats = [...map].map(([key, g]) => ({ key, label: g.label, count: g.count, average: round2(g.sum / g.count) }));
  return sortByKey ? stats.sort((a, b) => a.key.localeCompare(b.key)) : stats.sort((a, b) => a.average - b.average || b.count - a.count);
}

/** ISO week of a business day ("2026-W48"), so a week reads the same everywhere. */
function isoWeek(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  const weekday = date.getUTCDay() || 7;
  date.setUTCDate(date.getUTCDate() + 4 - weekday); // the Thursday of this week decides its year
  const yearStart = Date.UTC(date.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((date.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${date.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

export function feedbackReport(db: Db, filter: FeedbackFilter, timeZone: string) {
  const rows = queryFeedback(db, filter, 1_000_000);
  const hour = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' });
  const byProduct: { key: string; label: string; rating: number }[] = [];
  const lines = db.prepare<[], { orderId: string; productId: string; name: string }>('SELECT DISTINCT l.order_id AS orderId, l.product_id AS productId, l.name FROM order_lines l JOIN feedback f ON f.order_id = l.order_id').all();
  const linesByOrder = new Map<string, { productId: string; name: string }[]>();
  for (const line of lines) linesByOrder.set(line.orderId, [...(linesByOrder.get(line.orderId) ?? []), line]);
  for (const row of rows) for (const line of linesByOrder.get(row.orderId) ?? []) byProduct.push({ key: line.productId, label: line.name, rating: row.rating });
  const distribution = [1, 2, 3, 4, 5].map((r) => rows.filter((row) => row.rating === r).length);
  return {
    count: rows.length,
    average: rows.length ? round2(rows.reduce((sum, r) => sum + r.rating, 0) / rows.length) : 0,
    distribution,
    byDay: group(rows.map((r) => ({ key: r.businessDay, label: r.businessDay.split('-').reverse().join('/'), rating: r.rating }))),
    byWeek: group(rows.map((r) => ({ key: isoWeek(r.businessDay), label: isoWeek(r.businessDay), rating: r.rating }))),
    byProduct: group(byProduct, false),
    byTag: group(rows.flatMap((r) => r.tags.map((tag) => ({ key: tag, label: tag, rating: r.rating }))), false),
    byCashier: group(rows.map((r) => ({ key: r.cashierName, label: r.cashierName, rating: r.rating })), false),
    byHour: group(rows.map((r) => {
      const h = hour.format(r.createdAt);
      return { key: h, label: `${h}h`, rating: r.rating };
    })),
  };
}

export function feedbackCsv(db: Db, filter: FeedbackFilter, timeZone: string): { csv: string; rows: number } {
  const rows = queryFeedback(db, filter, 1_000_000);
  const when = new Intl.DateTimeFormat('pt-BR', { timeZone, dateStyle: 'short', timeStyle: 'short' });
  const csv = Papa.unparse(
    {
      fields: ['data', 'pedido', 'nota', 'etiquetas', 'comentario', 'operador', 'tratada', 'nota_do_gerente'],
      data: rows.map((r) => [when.format(r.createdAt), r.orderNumber, r.rating, r.tags.join(', '), r.comment ?? '', r.cashierName, r.handledAt ? 'sim' : 'não', r.handledNote ?? '']),
    },
    { delimiter: ';', newline: '\r\n' },
  );
  return { csv: `\uFEFF${csv}\r\n`, rows: rows.length };
}
