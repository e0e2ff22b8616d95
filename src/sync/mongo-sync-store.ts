import { MongoBulkWriteError, MongoClient, MongoServerError, type AnyBulkWriteOperation, type Collection, type Document, type Filter, type FindCursor, type WithoutId } from 'mongodb';
import type { WitnessedHead } from '../hashing/audit-witness.js';
import { SHOP_COLLECTIONS, type DaySummaryDocument, type OrderDocument, type ShopDocuments } from './shop-documents.js';
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

/** A change as the shop's database keeps it (design §5). */
export interface ChangeDocument {
  _id: string;
  terminal: string;
  seq: number;
  hlc: string;
  entity: string;
  entityId: string;
  op: SyncChange['op'];
  data: Record<string, unknown>;
  at: number;
}

/**
 * One per terminal. `heldSeq` only ever moves up, and only to a seq checked to have no hole below it.
 * `auditHead` is the head of the terminal's audit chain as it last sent it.
 */
interface TerminalDocument {
  _id: string;
  heldSeq: number;
  auditHead?: WitnessedHead;
}

/** One per claimed letter: the `_id` makes the letter unique in the shop, an index makes it one per terminal. */
interface LetterDocument {
  _id: string;
  terminal: string;
}

export interface MongoSyncStoreOptions {
  /** The connection string; it holds a password, so it is handed to the driver and kept nowhere else. */
  uri: string;
  /** The shop's database. */
  dbName: string;
  /** How long a terminal waits for the server before giving up (offline is the normal case). */
  serverSelectionTimeoutMS?: number;
  /** How long one reply may take before the connection is taken for dead. */
  socketTimeoutMS?: number;
  /** Told of every command sent to the server (tests count the queries a catch-up costs). */
  onCommand?: (commandName: string, command: Document) => void;
}

const DUPLICATE_KEY = 11000;
/** Seqs read per round trip while walking a terminal's log for its highest contiguous seq. */
const WALK_BATCH = 1000;

/**
 * The shop's server on MongoDB (Atlas or any server speaking its protocol), through the official
 * driver. It creates its collections and indexes itself, idempotently, on first use. No write needs
 * a multi-document transaction: each change is one document under a unique (terminal, seq).
 */
export class MongoSyncStore implements SyncStore {
  private readonly client: MongoClient;
  private readonly changes: Collection<ChangeDocument>;
  private readonly terminalDocs: Collection<TerminalDocument>;
  private readonly letters: Collection<LetterDocument>;
  private readonly orders: Collection<OrderDocument>;
  private readonly daySummaries: Collection<DaySummaryDocument>;
  private ready: Promise<void> | null = null;
  /** Per terminal, the query of its log left open by the last pull, for the next page to go on with. */
  private readonly readers = new Map<string, LogReader>();

  constructor(options: MongoSyncStoreOptions) {
    const timeout = options.serverSelectionTimeoutMS ?? 5000;
    const { onCommand } = options;
    this.client = new MongoClient(options.uri, { serverSelectionTimeoutMS: timeout, connectTimeoutMS: timeout, socketTimeoutMS: options.socketTimeoutMS ?? 30_000, monitorCommands: onCommand !== undefined });
    if (onCommand) this.client.on('commandStarted', (event) => onCommand(event.commandName, event.command));
    const db = this.client.db(options.dbName);
    this.changes = db.collection('changes');
    this.terminalDocs = db.collection('terminals');
    this.letters = db.collection('letters');
    this.orders = db.collection(SHOP_COLLECTIONS.orders);
    this.daySummaries = db.collection(SHOP_COLLECTIONS.daySummaries);
  }

  /** Creates the indexes (and so the collections). Safe to run again, from any terminal, at any time. */
  async ensureIndexes(): Promise<void> {
    await this.changes.createIndex({ terminal: 1, seq: 1 }, { unique: true, name: 'terminal_seq' });
    await this.letters.createIndex({ terminal: 1 }, { unique: true, name: 'terminal' });
    // What a dashboard filters and groups by: a period of business days, a terminal.
    await this.orders.createIndex({ businessDay: 1, terminal: 1 }, { name: 'business_day_terminal' });
    await this.daySummaries.createIndex({ businessDay: 1, terminal: 1 }, { name: 'business_day_terminal' });
  }

  async push(terminalId: string, changes: readonly SyncChange[]): Promise<PushOutcome> {
    assertRun(terminalId, changes);
    await this.whenReady();
    // Known before any change lands, so a reader never misses a terminal whose changes are stored.
    await this.terminalDocs.updateOne({ _id: terminalId }, { $setOnInsert: { heldSeq: 0 } }, { upsert: true });
    const diverged = await this.insertInOrder(changes.map(toDocument));
    const heldSeq = await this.heldSeq(terminalId);
    return diverged === null ? { kind: 'stored', heldSeq } : { kind: 'diverged', seq: diverged, heldSeq };
  }

  async pull(cursor: PullCursor, limit: number): Promise<PullPage> {
    await this.whenReady();
    const terminalIds = (await this.terminalDocs.find({}, { projection: { _id: 1 } }).toArray()).map((t) => t._id);
    return pullPage(terminalIds, cursor, limit, async (terminalId, after, count) => (await this.readAfter(terminalId, after, count)).map(fromDocument));
  }

  /**
   * A terminal's log after `after`, read on from the query the last page left open when it stands
   * right there, else from a new one. A catch-up thus costs one query per terminal, not one per
   * page: FerretDB 1.24 on SQLite uses no index at all (its `_id` index is on another expression
   * than the one it queries by), so every query reads and sorts the whole collection; MongoDB walks
   * the (terminal, seq) index either way. A query is given up at a hole (what fills it later is
   * after its place in the query), at its end (later pushes are not in it) and on any error (an
   * idle cursor times out on the server): the next read opens a new one, so nothing is skipped.
   */
  private async readAfter(terminalId: string, after: number, count: number): Promise<ChangeDocument[]> {
    const open = this.readers.get(terminalId);
    this.readers.delete(terminalId);
    const goneOn = await open?.read(after, count).catch(() => null);
    if (open && goneOn) return this.keepOpen(terminalId, open, goneOn, count);
    await open?.close();
    const reader = new LogReader(this.changes.find({ terminal: terminalId, seq: { $gt: after } }).sort({ seq: 1 }).batchSize(count), after);
    try {
      return await this.keepOpen(terminalId, reader, (await reader.read(after, count))!, count);
    } catch (error) {
      await reader.close();
      throw error;
    }
  }

  private async keepOpen(terminalId: string, reader: LogReader, read: ChangeDocument[], count: number): Promise<ChangeDocument[]> {
    if (read.length === count && reader.contiguous) this.readers.set(terminalId, reader);
    else await reader.close();
    return read;
  }

  async terminals(): Promise<ServerTerminal[]> {
    await this.whenReady();
    const [pushed, letters] = await Promise.all([this.terminalDocs.find({}).toArray(), this.letters.find({}).toArray()]);
    const letterOf = new Map(letters.map((l) => [l.terminal, l._id]));
    const ids = new Set([...pushed.map((t) => t._id), ...letterOf.keys()]);
    const result: ServerTerminal[] = [];
    for (const terminalId of [...ids].sort()) {
      result.push({ terminalId, letter: letterOf.get(terminalId) ?? null, heldSeq: await this.heldSeq(terminalId) });
    }
    return result;
  }

  async claimLetter(terminalId: string, letter: string): Promise<LetterClaim> {
    await this.whenReady();
    try {
      await this.letters.insertOne({ _id: letter, terminal: terminalId });
      return { kind: 'claimed' };
    } catch (error) {
      if (!(error instanceof MongoServerError && error.code === DUPLICATE_KEY)) throw error;
    }
    // Either the letter is held (by us: a retry) or this terminal holds another one.
    const holder = await this.letters.findOne({ _id: letter });
    if (holder?.terminal === terminalId) return { kind: 'claimed' };
    if (holder) return { kind: 'taken', by: holder.terminal };
    const own = await this.letters.findOne({ terminal: terminalId });
    if (!own) throw new Error('O servidor recusou a letra sem dizer quem a tem.');
    return { kind: 'has-other', letter: own._id };
  }

  async auditHeadOf(terminalId: string): Promise<WitnessedHead | null> {
    await this.whenReady();
    const head = (await this.terminalDocs.findOne({ _id: terminalId }, { projection: { auditHead: 1 } }))?.auditHead;
    return head ? { seq: head.seq, hash: head.hash, at: head.at } : null;
  }

  async keepAuditHead(terminalId: string, head: WitnessedHead): Promise<void> {
    await this.whenReady();
    await this.terminalDocs.updateOne(
      { _id: terminalId },
      { $set: { auditHead: { seq: head.seq, hash: head.hash, at: head.at } }, $setOnInsert: { heldSeq: 0 } },
      { upsert: true },
    );
  }

  /** Replaces each document under its `_id`, or adds it: a document published again is the same document. */
  async publish(documents: ShopDocuments): Promise<void> {
    await this.whenReady();
    if (documents.orders.length > 0) await this.orders.bulkWrite(replacements(documents.orders), { ordered: false });
    if (documents.daySummaries.length > 0) await this.daySummaries.bulkWrite(replacements(documents.daySummaries), { ordered: false });
  }

  /**
   * Calls `onChange` whenever any terminal stores changes, through a change stream (a replica set,
   * as every Atlas cluster is). Rejects where the server has none (a standalone server, FerretDB):
   * the worker then looks on a timer. Resolves to a function that stops watching.
   */
  async watch(onChange: () => void, onEnd: (error: unknown) => void): Promise<() => Promise<void>> {
    await this.whenReady();
    const stream = this.changes.watch([{ $match: { operationType: 'insert' } }]);
    // Opening is lazy: the first read tells whether the server has change streams at all.
    await stream.tryNext();
    let stopped = false;
    void (async () => {
      try {
        while (await stream.hasNext()) {
          await stream.next();
          onChange();
        }
        if (!stopped) onEnd(new Error('O servidor encerrou o aviso de mudanças.'));
      } catch (error) {
        if (!stopped) onEnd(error);
      }
    })();
    return async () => {
      stopped = true;
      await stream.close();
    };
  }

  async close(): Promise<void> {
    const readers = [...this.readers.values()];
    this.readers.clear();
    await Promise.all(readers.map((reader) => reader.close()));
    await this.client.close();
  }

  private whenReady(): Promise<void> {
    // Once per store; a failure (offline) is forgotten so the next call tries again.
    this.ready ??= this.ensureIndexes().catch((error: unknown) => {
      this.ready = null;
      throw error;
    });
    return this.ready;
  }

  /**
   * Ordered inserts: everything before a duplicate key is stored, then we look at what the server
   * holds from there on. The same document is a retry (skipped); another document under the same
   * seq, or our id under another seq, is a divergence, returned as its seq. MongoDB documents the
   * error of an ordered insertMany as writeErrors carrying the failed document's index and code
   * 11000; only those two fields are read. FerretDB 1.24 sends the same two, but its message names
   * no index and it gives no keyValue, so which key clashed is found by reading the stored documents.
   */
  private async insertInOrder(documents: ChangeDocument[]): Promise<number | null> {
    let pending = documents;
    while (pending.length > 0) {
      const failedAt = await this.insertUntilDuplicate(pending);
      if (failedAt === null) return null;
      const rest = pending.slice(failedAt);
      const stored = await this.storedBetween(rest[0]!.terminal, rest[0]!.seq, rest.at(-1)!.seq);
      const differing = rest.find((doc) => stored.has(doc.seq) && !sameChange(fromDocument(stored.get(doc.seq)!), fromDocument(doc)));
      if (differing) return differing.seq;
      if (!stored.has(rest[0]!.seq)) return rest[0]!.seq; // its seq is free, so its id is stored elsewhere
      pending = rest.filter((doc) => !stored.has(doc.seq));
    }
    return null;
  }

  /** Inserts in order; returns the index of the first document refused as a duplicate, or null. */
  private async insertUntilDuplicate(documents: ChangeDocument[]): Promise<number | null> {
    try {
      await this.changes.insertMany(documents, { ordered: true });
      return null;
    } catch (error) {
      if (!(error instanceof MongoBulkWriteError)) throw error;
      const first = [error.writeErrors].flat().sort((a, b) => a.index - b.index)[0];
      if (first?.code !== DUPLICATE_KEY) throw error;
      return first.index;
    }
  }

  private async storedBetween(terminal: string, from: number, to: number): Promise<Map<number, ChangeDocument>> {
    const docs = await this.changes.find({ terminal, seq: { $gte: from, $lte: to } }).toArray();
    return new Map(docs.map((doc) => [doc.seq, doc]));
  }

  /** Walks the log from the last checked seq to the first hole, and remembers how far it got. */
  private async heldSeq(terminalId: string): Promise<number> {
    const checked = (await this.terminalDocs.findOne({ _id: terminalId }))?.heldSeq ?? 0;
    let end = checked;
    for (;;) {
      const seqs = (
        await this.changes.find({ terminal: terminalId, seq: { $gt: end } }, { projection: { seq: 1 } }).sort({ seq: 1 }).limit(WALK_BATCH).toArray()
      ).map((doc) => doc.seq);
      const reached = contiguousEnd(end, seqs);
      const walkedAll = reached - end === WALK_BATCH;
      end = reached;
      if (!walkedAll) break;
    }
    if (end > checked) await this.terminalDocs.updateOne({ _id: terminalId }, { $max: { heldSeq: end } });
    return end;
  }
}

/**
 * One terminal's log in seq order from an open query. What it handed out stays at hand until a
 * read asks from past it, so a pull that asks again from the same place (the page's extra look for
 * `more`, a page that was not applied) gets the same answer. It holds about one read's documents.
 */
class LogReader {
  /** What the last reads handed out after the seq last asked for; the query goes on after it. */
  private recent: ChangeDocument[] = [];
  /** The seq of the last document the query gave. */
  private passed: number;
  /** What the query gave up to this seq is no longer at hand. */
  private dropped: number;
  /** False once the query showed a hole: what fills it would come after its place. */
  contiguous = true;

  constructor(
    private readonly cursor: FindCursor<ChangeDocument>,
    /** The seq the query started after. */
    from: number,
  ) {
    this.passed = from;
    this.dropped = from;
  }

  /** Up to `count` documents after `after`, or null when this query cannot tell (it holds nothing from there). */
  async read(after: number, count: number): Promise<ChangeDocument[] | null> {
    if (after < this.dropped || after > this.passed) return null;
    this.dropped = after;
    this.recent = this.recent.filter((doc) => doc.seq > after);
    while (this.recent.length < count && this.contiguous && (await this.cursor.hasNext())) {
      const doc = (await this.cursor.next())!;
      if (doc.seq !== this.passed + 1) this.contiguous = false;
      this.passed = doc.seq;
      this.recent.push(doc);
    }
    return this.recent.slice(0, count);
  }

  async close(): Promise<void> {
    await this.cursor.close().catch(() => {});
  }
}

/** Each document replacing the one under its `_id`, or added where there is none. */
const replacements = <T extends { _id: string }>(docs: readonly T[]): AnyBulkWriteOperation<T>[] =>
  docs.map((doc) => ({ replaceOne: { filter: { _id: doc._id } as Filter<T>, replacement: doc as WithoutId<T>, upsert: true } }));

/** How a change is stored; also how tests write one straight into the collection. */
export const toDocument = (change: SyncChange): ChangeDocument => ({
  _id: change.id,
  terminal: change.terminalId,
  seq: change.terminalSeq,
  hlc: change.hlc,
  entity: change.entity,
  entityId: change.entityId,
  op: change.op,
  data: change.data,
  at: change.at,
});

const fromDocument = (doc: ChangeDocument): SyncChange => ({
  id: doc._id,
  terminalId: doc.terminal,
  terminalSeq: doc.seq,
  hlc: doc.hlc,
  entity: doc.entity,
  entityId: doc.entityId,
  op: doc.op,
  data: doc.data,
  at: doc.at,
});
