import type { Db } from '../../database/connection.js';
import { sql } from '../../database/statements.js';
import type { PRINT_KINDS } from '../../models/printing.js';
import type { ScriptContext } from '../script.js';

/** What a print job prints; its ref_id names the order, ticket, cash movement or (day_summary) business day. */
export type PrintKind = (typeof PRINT_KINDS)[number];

/**
 * Queues a print job in the caller's transaction; the print worker sends it after commit. A printer
 * that is off or out of paper never blocks or undoes the sale: the job fails and can be retried.
 */
export function enqueuePrint(tx: Db, ctx: ScriptContext, kind: PrintKind, refId: string, label: string, reprint = false): string {
  const id = ctx.newId();
  sql(
    tx,
    `INSERT INTO print_jobs (id, kind, ref_id, label, reprint, status, attempts, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'pending', 0, ?, ?)`,
  ).run(id, kind, refId, label, Number(reprint), ctx.now, ctx.now);
  ctx.emit('printing.changed', { jobId: id, status: 'pending' });
  return id;
}

/** The automatic prints of a sale, as the shop's settings ask for them. */
export function autoPrintSale(tx: Db, ctx: ScriptContext, order: { id: string; displayNumber: string }, paid: boolean, newTicket: string | null): void {
  if (!ctx.settings.printerAddress) return;
  if (paid && ctx.settings.autoPrintReceipt) enqueuePrint(tx, ctx, 'receipt', order.id, `Cupom ${order.displayNumber}`);
  if (newTicket && ctx.settings.autoPrintKitchen) enqueuePrint(tx, ctx, 'kitchen', newTicket, `Cozinha ${order.displayNumber}`);
}
