import type { PullCursor, SyncChange, SyncStore } from '../../src/sync/sync-store.js';

/** What the network does to one request. */
export type Fault = 'drop' | 'lose-reply' | 'duplicate';

/**
 * Any SyncStore behind a bad network: each planned fault hits the next request. `drop` loses the
 * request (nothing reaches the server), `lose-reply` loses the answer after the server acted,
 * `duplicate` delivers the request twice.
 */
export class FaultySyncStore implements SyncStore {
  private readonly planned: Fault[] = [];
  requests = 0;

  constructor(private readonly inner: SyncStore) {}

  /** Faults a request did not reach wait for the next ones. */
  plan(...faults: Fault[]): void {
    this.planned.push(...faults);
  }

  clearPlan(): void {
    this.planned.length = 0;
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

  close() {
    return this.inner.close();
  }

  private async request<T>(send: () => Promise<T>): Promise<T> {
    this.requests += 1;
    const fault = this.planned.shift();
    if (fault === 'drop') throw new Error('Rede: o pedido se perdeu.');
    const reply = await send();
    if (fault === 'lose-reply') throw new Error('Rede: a resposta se perdeu.');
    return fault === 'duplicate' ? send() : reply;
  }
}
