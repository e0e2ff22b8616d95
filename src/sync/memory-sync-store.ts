import type { WitnessedHead } from '../hashing/audit-witness.js';
import type { DaySummaryDocument, OrderDocument, ShopDocuments } from './shop-documents.js';
import {
  assertRun,
  contiguousEnd,
  pullPage,
  sameChange,
  type LetterClaim,
  type PullCursor,
  type PullPage,
  type PushOutcome,
  type ServerTerminal,
  type SyncChange,
  type SyncStore,
} from './sync-store.js';

/**
 * The reference SyncStore: the server's logs in plain maps, simple enough to be obviously right.
 * The contract suite holds the MongoDB store to the same answers. Faults (dropped requests, lost
 * replies, duplicates) are simulated by wrapping any store, this one included.
 */
export class MemorySyncStore implements SyncStore {
  /** terminal id → seq → change */
  private readonly logs = new Map<string, Map<number, SyncChange>>();
  /** every stored change id, so an id is never stored twice */
  private readonly ids = new Set<string>();
  /** letter → terminal id */
  private readonly letters = new Map<string, string>();
  /** terminal id → the head of its audit chain */
  private readonly auditHeads = new Map<string, WitnessedHead>();
  /** The published documents by `_id`, as the server's collections hold them. */
  readonly orders = new Map<string, OrderDocument>();
  readonly daySummaries = new Map<string, DaySummaryDocument>();

  async push(terminalId: string, changes: readonly SyncChange[]): Promise<PushOutcome> {
    assertRun(terminalId, changes);
    const log = this.logOf(terminalId);
    for (const change of changes) {
      const stored = log.get(change.terminalSeq);
      if (stored ? !sameChange(stored, change) : this.ids.has(change.id)) {
        return { kind: 'diverged', seq: change.terminalSeq, heldSeq: this.heldSeq(terminalId) };
      }
      if (stored) continue;
      log.set(change.terminalSeq, structuredClone(change));
      this.ids.add(change.id);
    }
    return { kind: 'stored', heldSeq: this.heldSeq(terminalId) };
  }

  pull(cursor: PullCursor, limit: number): Promise<PullPage> {
    return pullPage([...this.logs.keys()], cursor, limit, async (terminalId, after, count) =>
      [...this.logs.get(terminalId)!.values()]
        .filter((change) => change.terminalSeq > after)
        .sort((a, b) => a.terminalSeq - b.terminalSeq)
        .slice(0, count)
        .map((change) => structuredClone(change)),
    );
  }

  async terminals(): Promise<ServerTerminal[]> {
    const ids = new Set([...this.logs.keys(), ...this.letters.values()]);
    const letterOf = new Map([...this.letters].map(([letter, terminalId]) => [terminalId, letter]));
    return [...ids].sort().map((terminalId) => ({ terminalId, letter: letterOf.get(terminalId) ?? null, heldSeq: this.heldSeq(terminalId) }));
  }

  async claimLetter(terminalId: string, letter: string): Promise<LetterClaim> {
    const holder = this.letters.get(letter);
    if (holder === terminalId) return { kind: 'claimed' };
    if (holder) return { kind: 'taken', by: holder };
    const own = [...this.letters].find(([, id]) => id === terminalId);
    if (own) return { kind: 'has-other', letter: own[0] };
    this.letters.set(letter, terminalId);
    return { kind: 'claimed' };
  }

  async auditHeadOf(terminalId: string): Promise<WitnessedHead | null> {
    const head = this.auditHeads.get(terminalId);
    return head ? { ...head } : null;
  }

  async keepAuditHead(terminalId: string, head: WitnessedHead): Promise<void> {
    this.auditHeads.set(terminalId, { seq: head.seq, hash: head.hash, at: head.at });
  }

  async publish(documents: ShopDocuments): Promise<void> {
    for (const order of documents.orders) this.orders.set(order._id, structuredClone(order));
    for (const summary of documents.daySummaries) this.daySummaries.set(summary._id, structuredClone(summary));
  }

  async close(): Promise<void> {}

  private logOf(terminalId: string): Map<number, SyncChange> {
    let log = this.logs.get(terminalId);
    if (!log) {
      log = new Map();
      this.logs.set(terminalId, log);
    }
    return log;
  }

  private heldSeq(terminalId: string): number {
    const seqs = [...(this.logs.get(terminalId)?.keys() ?? [])].sort((a, b) => a - b);
    return contiguousEnd(0, seqs);
  }
}
