import type { WitnessedHead } from '../../src/hashing/audit-witness.js';
import type { ShopDocuments } from '../../src/sync/shop-documents.js';
import type { PullCursor, SyncChange, SyncStore } from '../../src/sync/sync-store.js';

/** What the network does to one request. */
export type Fault = 'drop' | 'lose-reply' | 'duplicate' | 'delay';

/**
 * Any SyncStore behind a bad network: each planned fault hits the next request. `drop` loses the
 * request (nothing reaches the server), `lose-reply` loses the answer after the server acted,
 * `duplicate` delivers the request twice, `delay` holds the request back (the caller gives up on it)
 * until `deliverDelayed` lets it reach the server, after requests sent later: a reordering.
 * While `offline`, no request gets through.
 */
export class FaultySyncStore implements SyncStore {
  private readonly planned: Fault[] = [];
  private readonly delayed: Array<() => Promise<unknown>> = [];
  requests = 0;
  offline = false;
  /** Runs once, right after the server acted on the next request and before its answer comes back. */
  afterServerActs: (() => void) | null = null;

  constructor(private readonly inner: SyncStore) {}

  /** Faults a request did not reach wait for the next ones. */
  plan(...faults: Fault[]): void {
    this.planned.push(...faults);
  }

  clearPlan(): void {
    this.planned.length = 0;
  }

  get delayedCount(): number {
    return this.delayed.length;
  }

  /** Lets one held-back request reach the server now; nobody waits for its answer any more. */
  async deliverDelayed(which: 'oldest' | 'newest' = 'oldest'): Promise<void> {
    const send = which === 'oldest' ? this.delayed.shift() : this.delayed.pop();
    await send?.().catch(() => {});
  }

  push(terminalId: string, changes: readonly SyncChange[]) {
    return this.request(() => this.inner.push(terminalId, changes));
  }

  pull(cursor: PullCursor, limit: number) {
    return this.request(() => this.inner.pull(cursor, limit));
  }

  terminals() {
    return this.request(() => this.inner.terminals());
  }

  claimLetter(terminalId: string, letter: string) {
    return this.request(() => this.inner.claimLetter(terminalId, letter));
  }

  auditHeadOf(terminalId: string) {
    return this.request(() => this.inner.auditHeadOf(terminalId));
  }

  keepAuditHead(terminalId: string, head: WitnessedHead) {
    return this.request(() => this.inner.keepAuditHead(terminalId, head));
  }

  publish(documents: ShopDocuments) {
    return this.request(() => this.inner.publish(documents));
  }

  close() {
    return this.inner.close();
  }

  private async request<T>(send: () => Promise<T>): Promise<T> {
    this.requests += 1;
    if (this.offline) throw new Error('Rede: sem conexão.');
    const fault = this.planned.shift();
    if (fault === 'drop') throw new Error('Rede: o pedido se perdeu.');
    if (fault === 'delay') {
      this.delayed.push(send);
      throw new Error('Rede: o pedido demorou demais e foi abandonado.');
    }
    const reply = await send();
    const acted = this.afterServerActs;
    this.afterServerActs = null;
    acted?.();
    if (fault === 'lose-reply') throw new Error('Rede: a resposta se perdeu.');
    return fault === 'duplicate' ? send() : reply;
  }
}
