import type { Db } from './connection.js';
import { readSealedFile, writeSealedFile, type Cipher } from '../utils/sealed-file.js';

/**
 * Where a terminal keeps its secrets (the webhook signing secrets, the shop key), away from the
 * database file: a copy of the database (a backup, a file sent for support) then gives none away.
 */
export interface SecretStore {
  get(name: string): string | undefined;
  set(name: string, value: string): void;
  delete(name: string): void;
}

/** The files in the data folder: sealed by the key store on the desktop, readable by this user only everywhere. */
export const SEALED_SECRETS_FILE = 'secrets.bin';
export const PLAIN_SECRETS_FILE = 'secrets.json';

/**
 * The secrets in one file, read once and rewritten whole on each change (they change rarely: a new
 * webhook, a rotation, the shop's setup). A file the cipher cannot open (the user's key store
 * changed) reads as empty: what needed a secret then says so, and a new one can be made.
 */
export function fileSecretStore(file: string, cipher: Cipher): SecretStore {
  let secrets: Record<string, string> | null = null;
  const load = (): Record<string, string> => {
    if (secrets) return secrets;
    try {
      secrets = JSON.parse(readSealedFile(file, cipher) ?? '{}') as Record<string, string>;
    } catch {
      secrets = {};
    }
    return secrets;
  };
  const save = (next: Record<string, string>) => {
    writeSealedFile(file, cipher, JSON.stringify(next));
    secrets = next;
  };
  return {
    get: (name) => (Object.hasOwn(load(), name) ? load()[name] : undefined),
    set: (name, value) => save({ ...load(), [name]: value }),
    delete(name) {
      if (!Object.hasOwn(load(), name)) return;
      const { [name]: _gone, ...rest } = load();
      save(rest);
    },
  };
}

/** Secrets kept only while the process lives (tools and tests that open a bare database). */
export function memorySecretStore(): SecretStore {
  const secrets = new Map<string, string>();
  return { get: (name) => secrets.get(name), set: (name, value) => void secrets.set(name, value), delete: (name) => void secrets.delete(name) };
}

/**
 * The store that goes with an open database: the code that needs a secret holds the database
 * handle (a transaction, the sync, the webhook worker), so the store travels with it.
 */
const storeOf = new WeakMap<Db, SecretStore>();

export const keepSecretsIn = (db: Db, store: SecretStore): void => void storeOf.set(db, store);

export function secretsOf(db: Db): SecretStore {
  const store = storeOf.get(db);
  if (!store) throw new Error('Este banco de dados foi aberto sem um cofre de segredos.');
  return store;
}
