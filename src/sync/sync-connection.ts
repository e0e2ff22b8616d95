import { MongoClient } from 'mongodb';
import { readSealedFile, removeSealedFile, writeSealedFile, type Cipher } from '../utils/sealed-file.js';
import type { SyncConnection } from './sync-worker.js';

export type { SyncConnection, Cipher };

/**
 * Where this terminal's connection to the shop's server is kept. Browser mode: the environment
 * (`.env`), read-only. Desktop: a file in the data folder, encrypted by the operating system's key
 * store (Electron's safeStorage), which the core never imports: the shell hands it the two functions.
 */
export interface ConnectionStore {
  source: 'env' | 'saved';
  read(): SyncConnection | null;
  /** Absent where the connection cannot be changed from Balcão (it comes from `.env`). */
  write?(connection: SyncConnection | null): void;
}

/** The database name when `.env` names none. */
export const DEFAULT_SYNC_DATABASE = 'balcao';

/** A connection fixed at start: browser mode's `.env`, or what a test hands the app. */
export const fixedConnection = (connection: SyncConnection | null): ConnectionStore => ({ source: 'env', read: () => connection });

/** Browser mode: `BALCAO_SYNC_URI` and `BALCAO_SYNC_DB`; without a URI the terminal runs on its own. */
export function environmentConnection(env: NodeJS.ProcessEnv): ConnectionStore {
  const uri = env.BALCAO_SYNC_URI?.trim();
  return fixedConnection(uri ? { uri, database: env.BALCAO_SYNC_DB?.trim() || DEFAULT_SYNC_DATABASE } : null);
}

/** The file's name in the data folder. */
export const SAVED_CONNECTION_FILE = 'sync-connection.bin';

/**
 * Desktop: the connection saved in `file`, sealed by `cipher` (the URI holds the database user's
 * password, so it is never written in clear). A file the cipher cannot open (the user's key store
 * changed) reads as no connection: the terminal runs on its own until the admin saves it again.
 */
export function savedConnection(file: string, cipher: Cipher): ConnectionStore {
  return {
    source: 'saved',
    read() {
      try {
        const text = readSealedFile(file, cipher);
        if (text === null) return null;
        const parsed = JSON.parse(text) as Partial<SyncConnection>;
        return typeof parsed.uri === 'string' && typeof parsed.database === 'string' ? { uri: parsed.uri, database: parsed.database } : null;
      } catch {
        return null;
      }
    },
    write(connection) {
      if (!connection) return removeSealedFile(file);
      writeSealedFile(file, cipher, JSON.stringify({ uri: connection.uri, database: connection.database }));
    },
  };
}

/**
 * The servers a connection string points at, without user or password: "cluster0.ab1cd.mongodb.net"
 * or "10.0.0.5:27017,10.0.0.6:27017". What the screens and the audit show instead of the URI.
 */
export function connectionHosts(uri: string): string {
  const beforeOptions = uri.replace(/^mongodb(\+srv)?:\/\//i, '').split('?', 1)[0] ?? '';
  // From the last "@": a password the driver would refuse (an unescaped "/" or "@") still stays out.
  return beforeOptions.slice(beforeOptions.lastIndexOf('@') + 1).split('/', 1)[0] ?? '';
}

/** Whether the driver takes this connection string (host, port, options). Nothing is opened. */
export function isUsableConnectionString(uri: string): boolean {
  try {
    new MongoClient(uri);
    return true;
  } catch {
    return false;
  }
}
