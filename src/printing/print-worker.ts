import type { Db } from '../database/connection.js';
import { readSettings } from '../database/queries/settings.js';
import type { Logger } from '../logs/logger.js';
import type { EventHub } from '../services/event-hub.js';
import type { PrintKind } from '../services/printing/print-queue.js';
import type { Clock } from '../utils/clock.js';
import { encodeDaySummary } from './day-summary.js';
import { cashSlipDataFor, daySummaryDataFor, kitchenTicketDataFor, receiptDataFor } from './documents.js';
import { encodeKitchenTicket, encodeReceipt } from './escpos.js';
import { parsePrinterAddress, sendToPrinter } from './network-printer.js';
import { encodeCashSlip } from './slips.js';

interface JobRow {
  id: string;
  kind: PrintKind;
  ref_id: string;
  reprint: number;
}

export type SendBytes = typeof sendToPrinter;

/**
 * Sends queued print jobs to the network printer, one at a time, after the sale has committed.
 * A failure marks the job failed with the printer's error, shown on screen and retried by hand.
 */
export class PrintWorker {
  private draining: Promise<void> | null = null;
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly deps: { db: Db; events: EventHub; logger: Logger; clock: Clock },
    private readonly send: SendBytes = sendToPrinter,
  ) {}

  start(): void {
    this.unsubscribe = this.deps.events.subscribe((event) => {
      if (event.type === 'printing.changed' && (event.data as { status: string }).status === 'pending') void this.drain();
    });
    void this.drain();
  }

  stop(): void {
    this.unsubscribe?.();
  }

  /** Resolves once the pass in progress (if any) ended, starting none: a restore waits for it before closing the database. */
  async settled(): Promise<void> {
    await this.draining?.catch(() => undefined);
  }

  /** Resolves when the queue is empty; concurrent calls share one pass. */
  drain(): Promise<void> {
    this.draining ??= this.run().finally(() => (this.draining = null));
    return this.draining;
  }

  private async run(): Promise<void> {
    const { db } = this.deps;
    for (;;) {
      const job = db.prepare<[], JobRow>("SELECT id, kind, ref_id, reprint FROM print_jobs WHERE status = 'pending' ORDER BY created_at, rowid LIMIT 1").get();
      if (!job) return;
      await this.print(job);
    }
  }

  private async print(job: JobRow): Promise<void> {
    const { db, logger } = this.deps;
    const settings = readSettings(db);
    try {
      if (!settings.printerAddress) throw new Error('Nenhuma impressora configurada (Configurações → Impressora).');
      const bytes = await this.encode(job, settings);
      await this.send(parsePrinterAddress(settings.printerAddress), bytes, { timeoutMs: 5000 });
      this.finish(job.id, 'printed', null);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      logger.warn('Falha ao imprimir', { jobId: job.id, kind: job.kind, error: message });
      this.finish(job.id, 'failed', message);
    }
  }

  private async encode(job: JobRow, settings: ReturnType<typeof readSettings>): Promise<Uint8Array> {
    const { db, clock } = this.deps;
    const reprint = job.reprint === 1;
    if (job.kind === 'receipt') return encodeReceipt(receiptDataFor(db, job.ref_id, settings, reprint), settings.paperWidth);
    if (job.kind === 'kitchen') return encodeKitchenTicket(kitchenTicketDataFor(db, job.ref_id, settings, reprint), settings.paperWidth);
    // The day's figures as they stand when the paper comes out (a retry prints the day as it is then).
    if (job.kind === 'day_summary') return encodeDaySummary(await daySummaryDataFor(db, job.ref_id, settings, clock.now()), settings.paperWidth);
    return encodeCashSlip(cashSlipDataFor(db, job.ref_id, settings), settings.paperWidth);
  }

  private finish(id: string, status: 'printed' | 'failed', error: string | null): void {
    const now = this.deps.clock.now();
    this.deps.db.prepare('UPDATE print_jobs SET status = ?, attempts = attempts + 1, last_error = ?, updated_at = ? WHERE id = ?').run(status, error, now, id);
    this.deps.events.publish({ type: 'printing.changed', data: { jobId: id, status, ...(error ? { error } : {}) }, at: now });
  }
}
