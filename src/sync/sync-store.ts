import type { Change } from '../database/queries/change-log.js';
import { canonicalJson } from '../hashing/canonical-json.js';
import type { WitnessedHead } from '../hashing/audit-witness.js';
import type { ShopDocuments } from './shop-documents.js';

/**
 * The shop's server as the sync sees it (design §5): one log per terminal, addressed by the
 * terminal's gap-free `terminalSeq`; no shop-wide counter, so no write needs a multi-document
 * transaction. Every method may throw when the server cannot be reached: the caller tries later.
 */
export interface SyncStore {
  /**
   * Stores a run of one terminal's changes with consecutive seqs, in order. A change the server
   * already holds, identical, is a retry and changes nothing. A seq the server holds with other
   * content (another id: this database is older than what it already sent) stops the push and is
   * never overwritten. The run need not start right after what the server holds: readers wait at
   * the hole until it is filled.
   */
  push(terminalId: string, changes: readonly SyncChange[]): Promise<PushOutcome>;
  /**
   * Up to `limit` changes after the cursor: for every terminal on the server (those missing from
   * the cursor start at 0), only the contiguous run after its cursor seq. A hole is waited on,
   * never skipped. `more` says whether more changes are ready to pull now.
   */
  pull(cursor: PullCursor, limit: number): Promise<PullPage>;
  /** Every terminal the server knows (it pushed or claimed a letter), by id. */
  terminals(): Promise<ServerTerminal[]>;
  /**
   * Claims an order-number letter for this terminal, unique in the shop. Claiming the letter the
   * terminal already holds again is fine; a terminal holds one letter.
   */
  claimLetter(terminalId: string, letter: string): Promise<LetterClaim>;
  /**
   * The head of a terminal's audit chain (last seq and hash, and when it was sent), kept in its
   * terminal document: a witness outside the terminal's database file. Null until one is kept.
   */
  auditHeadOf(terminalId: string): Promise<WitnessedHead | null>;
  keepAuditHead(terminalId: string, head: WitnessedHead): Promise<void>;
  /**
   * Writes the shop's current documents (orders, day summaries) beside the logs, each replacing the
   * one under its `_id` or added: publishing the same documents again changes nothing.
   */
  publish(documents: ShopDocuments): Promise<void>;
  /**
   * Optional "pull now": calls `onChange` when any terminal stores changes, `onEnd` if watching
   * stops. Rejects where the server cannot (the worker then looks on a timer).
   */
  watch?(onChange: () => void, onEnd: (error: unknown) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** One row of a terminal's change log as it travels: the change and its place in that terminal's sequence. */
export interface SyncChange extends Change {
  terminalSeq: number;
}

/** For each terminal, the last seq applied here. A terminal not in it has nothing applied yet. */
export type PullCursor = Readonly<Record<string, number>>;

export interface PullPage {
  changes: SyncChange[];
  more: boolean;
}

/**
 * `heldSeq` is the highest seq up to which the server holds the terminal's log with no hole: the
 * terminal marks its rows sent up to there, never further. `diverged` names the first seq where
 * the server's log differs from the one pushed.
 */
export type PushOutcome = { kind: 'stored'; heldSeq: number } | { kind: 'diverged'; seq: number; heldSeq: number };

export interface ServerTerminal {
  terminalId: string;
  letter: string | null;
  heldSeq: number;
}

export type LetterClaim =
  | { kind: 'claimed' }
  | { kind: 'taken'; by: string }
  | { kind: 'has-other'; letter: string };

/** A programming error, not a cashier's: the sync worker only ever pushes a run read from the log. */
export function assertRun(terminalId: string, changes: readonly SyncChange[]): void {
  changes.forEach((change, index) => {
    if (change.terminalId !== terminalId) throw new Error(`A alteração ${change.id} é de outro terminal.`);
    if (!Number.isSafeInteger(change.terminalSeq) || change.terminalSeq < 1) throw new Error(`Sequência inválida: ${change.terminalSeq}.`);
    if (index > 0 && change.terminalSeq !== changes[index - 1]!.terminalSeq + 1) throw new Error('As alterações enviadas devem ter sequências consecutivas.');
  });
}

/** Same change, same content: how a retry is told from a divergence. */
export const sameChange = (a: SyncChange, b: SyncChange): boolean => canonicalJson(a) === canonicalJson(b);

/** The last seq of the run that starts right after `after`, given the seqs that follow it in order. */
export function contiguousEnd(after: number, seqsInOrder: Iterable<number>): number {
  let end = after;
  for (const seq of seqsInOrder) {
    if (seq !== end + 1) break;
    end = seq;
  }
  return end;
}

/** Reads up to `count` changes of one terminal with seq above `after`, in seq order. */
export type ReadAfter = (terminalId: string, after: number, count: number) => Promise<SyncChange[]>;

/**
 * One page of a pull, the same for every store: terminals in id order, each from its cursor,
 * contiguous only, until the page is full; then one look at each remaining terminal for `more`.
 */
export async function pullPage(terminalIds: readonly string[], cursor: PullCursor, limit: number, readAfter: ReadAfter): Promise<PullPage> {
  if (!Number.isSafeInteger(limit) || limit < 1) throw new Error(`Limite de página inválido: ${limit}.`);
  const changes: SyncChange[] = [];
  let more = false;
  for (const terminalId of [...terminalIds].sort()) {
    const after = cursor[terminalId] ?? 0;
    const room = limit - changes.length;
    const next = await readAfter(terminalId, after, room + 1);
    const run = next.slice(0, contiguousEnd(after, next.map((c) => c.terminalSeq)) - after);
    changes.push(...run.slice(0, room));
    if (run.length > room) more = true;
    if (changes.length === limit && more) break;
  }
  return { changes, more };
}
