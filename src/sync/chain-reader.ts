import { MongoClient, ReadPreference, type Document } from 'mongodb';
import { SHOP_COLLECTIONS, type DaySummaryDocument } from './shop-documents.js';

export interface ChainReaderOptions {
  /** A read-only user's connection string: handed to the driver and kept nowhere else. */
  uri: string;
  dbName: string;
  serverSelectionTimeoutMS?: number;
  /** Told of every command sent (tests prove that none of them writes). */
  onCommand?: (commandName: string, command: Document) => void;
}

/** What a day summary is read for: the figures, never the products' names or hours. */
const SUMMARY_FIELDS = {
  _id: 1,
  businessDay: 1,
  orders: 1,
  grossCents: 1,
  discountsCents: 1,
  netCents: 1,
  byPayment: 1,
  voided: 1,
  cancelled: 1,
} as const;

export type ChainSummary = Pick<DaySummaryDocument, keyof typeof SUMMARY_FIELDS>;

/**
 * Another shop of the chain, read from its own database: the day summaries its terminals publish.
 * It only reads (find, and the driver's own hello/ping): nothing of another shop is ever written,
 * not even an index. Reads may go to a secondary, so a busy shop's primary is left to its terminals.
 */
export class ChainShopReader {
  private readonly client: MongoClient;

  constructor(private readonly options: ChainReaderOptions) {
    const timeout = options.serverSelectionTimeoutMS ?? 5000;
    this.client = new MongoClient(options.uri, {
      readPreference: ReadPreference.SECONDARY_PREFERRED,
      serverSelectionTimeoutMS: timeout,
      connectTimeoutMS: timeout,
      retryWrites: false,
      monitorCommands: options.onCommand !== undefined,
    });
    const { onCommand } = options;
    if (onCommand) this.client.on('commandStarted', (event) => onCommand(event.commandName, event.command));
  }

  private get db() {
    return this.client.db(this.options.dbName);
  }

  /** How many terminals the shop has and its last business day with sales (null: none yet). */
  async describe(): Promise<{ terminals: number; lastSaleDay: string | null }> {
    const terminals = await this.db.collection('terminals').find({}, { projection: { _id: 1 } }).toArray();
    const last = await this.db
      .collection<DaySummaryDocument>(SHOP_COLLECTIONS.daySummaries)
      .find({ orders: { $gt: 0 } }, { projection: { businessDay: 1 } })
      .sort({ businessDay: -1 })
      .limit(1)
      .toArray();
    return { terminals: terminals.length, lastSaleDay: last[0]?.businessDay ?? null };
  }

  /** Every terminal's summaries of the business days from…to. */
  async summaries(from: string, to: string): Promise<ChainSummary[]> {
    return this.db
      .collection<DaySummaryDocument>(SHOP_COLLECTIONS.daySummaries)
      .find({ businessDay: { $gte: from, $lte: to } }, { projection: SUMMARY_FIELDS })
      .toArray() as Promise<ChainSummary[]>;
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}
