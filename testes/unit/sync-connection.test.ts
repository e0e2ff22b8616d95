import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SyncConfigureInput, SyncConnectionInput } from '../../src/models/sync.js';
import {
  connectionHosts,
  environmentConnection,
  isUsableConnectionString,
  SAVED_CONNECTION_FILE,
  savedConnection,
  type Cipher,
} from '../../src/sync/sync-connection.js';

const PASSWORD = 'S3nh4-Sup3r-Secreta';
const URI = `mongodb+srv://balcao_loja:${PASSWORD}@cluster0.ab1cd.mongodb.net/?retryWrites=true&w=majority`;

/** Stands in for Electron's safeStorage: reversible, and nothing of the plain text left readable. */
const fakeKeyStore: Cipher = {
  encrypt: (plain) => Buffer.from(`sealed:${Buffer.from(plain, 'utf8').toString('base64').split('').reverse().join('')}`),
  decrypt: (sealed) => {
    const text = sealed.toString('utf8');
    if (!text.startsWith('sealed:')) throw new Error('not ours');
    return Buffer.from(text.slice('sealed:'.length).split('').reverse().join(''), 'base64').toString('utf8');
  },
};

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const tempFile = () => {
  const dir = mkdtempSync(join(tmpdir(), 'balcao-conn-'));
  dirs.push(dir);
  return join(dir, SAVED_CONNECTION_FILE);
};

describe('connection saved on the desktop', () => {
  it('keeps the connection sealed on disk: the file never holds the URI, the password or the user in clear', () => {
    const file = tempFile();
    const store = savedConnection(file, fakeKeyStore);
    expect(store.source).toBe('saved');
    expect(store.read()).toBeNull();
    store.write!({ uri: URI, database: 'lanchonete_centro' });
    const raw = readFileSync(file, 'utf8');
    expect(raw).not.toContain(PASSWORD);
    expect(raw).not.toContain('balcao_loja');
    expect(raw).not.toContain('mongodb');
    expect(savedConnection(file, fakeKeyStore).read()).toEqual({ uri: URI, database: 'lanchonete_centro' });
    // Only this user may read it (POSIX permissions; Windows has none to check).
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o077).toBe(0);
  });

  it('clearing it removes the file: the terminal then runs on its own', () => {
    const file = tempFile();
    const store = savedConnection(file, fakeKeyStore);
    store.write!({ uri: URI, database: 'loja' });
    store.write!(null);
    expect(store.read()).toBeNull();
    expect(() => statSync(file)).toThrow();
  });

  it('a file the key store cannot open (another user, a new key) reads as no connection instead of stopping the app', () => {
    const file = tempFile();
    writeFileSync(file, 'lixo que não foi selado aqui');
    expect(savedConnection(file, fakeKeyStore).read()).toBeNull();
  });
});

describe('connection from .env (browser mode)', () => {
  it('reads BALCAO_SYNC_URI and BALCAO_SYNC_DB, defaults the database, and cannot be changed from Balcão', () => {
    const store = environmentConnection({ BALCAO_SYNC_URI: URI, BALCAO_SYNC_DB: 'lanchonete' });
    expect(store).toMatchObject({ source: 'env' });
    expect(store.write).toBeUndefined();
    expect(store.read()).toEqual({ uri: URI, database: 'lanchonete' });
    expect(environmentConnection({ BALCAO_SYNC_URI: URI }).read()).toEqual({ uri: URI, database: 'balcao' });
    expect(environmentConnection({ BALCAO_SYNC_DB: 'lanchonete' }).read()).toBeNull();
    expect(environmentConnection({ BALCAO_SYNC_URI: '  ' }).read()).toBeNull();
  });
});

describe('what the screens and the audit show of a connection', () => {
  it('the servers only, never the user or the password', () => {
    expect(connectionHosts(URI)).toBe('cluster0.ab1cd.mongodb.net');
    expect(connectionHosts('mongodb://u:p@10.0.0.5:27017,10.0.0.6:27017/loja?replicaSet=rs0')).toBe('10.0.0.5:27017,10.0.0.6:27017');
    expect(connectionHosts('mongodb://127.0.0.1:27017')).toBe('127.0.0.1:27017');
    // A password the driver would refuse (unescaped "@" or "/") still never shows.
    expect(connectionHosts('mongodb://loja:a@b/c@host.example:27017/')).toBe('host.example:27017');
    expect(connectionHosts('mongodb://loja:a@b/c@host.example:27017/')).not.toContain('a@b');
  });

  it('the driver’s own check of a connection string, without opening it', () => {
    expect(isUsableConnectionString(URI)).toBe(true);
    expect(isUsableConnectionString('mongodb://127.0.0.1:27017/')).toBe(true);
    expect(isUsableConnectionString('mongodb://127.0.0.1:99999/')).toBe(false);
    expect(isUsableConnectionString('mongodb://loja:se@nha@host/')).toBe(false);
  });
});

describe('the connection form’s rules', () => {
  const problem = (input: unknown) => {
    const result = SyncConnectionInput.safeParse(input);
    return result.success ? null : { field: result.error.issues[0]!.path.join('.'), message: result.error.issues[0]!.message };
  };

  it('names the field and says what is wrong, in pt-BR', () => {
    expect(problem({ uri: URI, database: 'balcao' })).toBeNull();
    expect(problem({ uri: 'https://cloud.mongodb.com', database: 'balcao' })).toEqual({ field: 'uri', message: expect.stringContaining('mongodb+srv://') });
    expect(problem({ uri: '', database: 'balcao' })).toEqual({ field: 'uri', message: expect.stringContaining('Informe') });
    expect(problem({ uri: URI, database: 'minha loja' })).toEqual({ field: 'database', message: expect.stringContaining('Nome de banco inválido') });
    expect(problem({ uri: URI, database: 'a.b' })).toMatchObject({ field: 'database' });
    expect(problem({ uri: URI, database: 'x'.repeat(64) })).toMatchObject({ field: 'database' });
    expect(problem({ uri: URI, database: 'admin' })).toEqual({ field: 'database', message: expect.stringContaining('não admin') });
  });

  it('configure takes a connection, or clear alone', () => {
    expect(SyncConfigureInput.parse({ uri: URI, database: 'balcao' })).toEqual({ uri: URI, database: 'balcao' });
    expect(SyncConfigureInput.parse({ clear: true })).toBeNull();
    const missing = SyncConfigureInput.safeParse({ uri: URI });
    expect(missing.success ? null : missing.error.issues.map((i) => i.path.join('.'))).toEqual(['database']);
    const both = SyncConfigureInput.safeParse({ uri: URI, database: 'balcao', clear: true });
    expect(both.success ? null : both.error.issues.map((i) => i.path.join('.'))).toEqual(['clear']);
  });
});
