import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/database/connection.js';
import { MIGRATIONS, runMigrations, schemaVersion } from '../../../src/database/migrations/index.js';
import { fileSecretStore, PLAIN_SECRETS_FILE } from '../../../src/database/secret-store.js';
import { readShopKey } from '../../../src/sync/shop-key.js';
import { unsealed } from '../../../src/utils/sealed-file.js';
import { endpointSecrets } from '../../../src/webhooks/endpoint-secrets.js';
import { newWebhookSecret } from '../../../src/webhooks/signature.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A terminal's database as the version before kept it: secrets in its tables, some pages still in the WAL. */
function olderTerminal() {
  const dir = mkdtempSync(join(tmpdir(), 'balcao-021-'));
  dirs.push(dir);
  const file = join(dir, 'balcao.sqlite3');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  runMigrations(db, MIGRATIONS.filter((m) => m.version < 21));
  const secret = newWebhookSecret();
  const previous = newWebhookSecret();
  const shopKey = randomBytes(32);
  const endpoint = db.prepare(
    `INSERT INTO webhook_endpoints (id, url, events, enabled, allow_local, secret, previous_secret, previous_valid_until, created_at, updated_at)
     VALUES (?, 'https://erp.example.com/hook', '["order.paid"]', 1, 0, ?, ?, ?, 1, 1)`,
  );
  endpoint.run('endpoint-1', secret, previous, 5_000);
  endpoint.run('endpoint-2', newWebhookSecret(), null, null);
  db.prepare("INSERT INTO meta (key, value) VALUES ('shop_key', ?)").run(shopKey.toString('base64url'));
  db.prepare("UPDATE webhook_endpoints SET description = 'ERP' WHERE id = 'endpoint-1'").run();
  // As a terminal switched off mid-day leaves it: the WAL not yet folded into the file (a clean close would).
  const [main, wal] = [readFileSync(file), readFileSync(`${file}-wal`)];
  db.close();
  writeFileSync(file, main);
  writeFileSync(`${file}-wal`, wal);
  return { dir, file, secret, previous, shopKey };
}

const spellings = (values: string[]) => values.flatMap((v) => [v, v.replace(/^whsec_/, '')]);
const rawBytes = (file: string) => Buffer.concat([readFileSync(file), existsSync(`${file}-wal`) ? readFileSync(`${file}-wal`) : Buffer.alloc(0)]);

describe('migration 021: secrets leave the database', () => {
  it('moves the webhook secrets and the shop key to the secret store; no byte of them is left in the file or its WAL', () => {
    const older = olderTerminal();
    const secretValues = spellings([older.secret, older.previous, older.shopKey.toString('base64url')]);
    expect(secretValues.every((value) => readFileSync(`${older.file}-wal`).includes(value))).toBe(true);

    const secretsFile = join(older.dir, PLAIN_SECRETS_FILE);
    const db = openDatabase(older.file, { secrets: fileSecretStore(secretsFile, unsealed) });
    try {
      expect(schemaVersion(db)).toBeGreaterThanOrEqual(21);
      expect(endpointSecrets(db, 'endpoint-1')).toEqual({ current: older.secret, previous: older.previous });
      expect(endpointSecrets(db, 'endpoint-2').previous).toBeUndefined();
      expect(readShopKey(db)!.equals(older.shopKey)).toBe(true);
      // Blanked here; what is not secret stays.
      expect(db.prepare('SELECT secret, previous_secret AS previous, previous_valid_until AS until, description FROM webhook_endpoints ORDER BY id').all()).toEqual([
        { secret: '', previous: null, until: 5_000, description: 'ERP' },
        { secret: '', previous: null, until: null, description: null },
      ]);
      expect(db.prepare("SELECT count(*) FROM meta WHERE key = 'shop_key'").pluck().get()).toBe(0);
      const bytes = rawBytes(older.file);
      for (const value of secretValues) expect(bytes.includes(value)).toBe(false);
      // The secret store: this user only, in a folder closed to others (POSIX permissions; Windows has none).
      expect(readFileSync(secretsFile, 'utf8')).toContain(older.secret);
      if (process.platform !== 'win32') {
        expect(statSync(secretsFile).mode & 0o777).toBe(0o600);
        expect(statSync(older.dir).mode & 0o777).toBe(0o700);
      }
    } finally {
      db.close();
    }
  });

  it('a database with no secrets needs no secret store; a Z report gets room for the audit head', () => {
    const db = new Database(':memory:');
    runMigrations(db);
    expect(schemaVersion(db)).toBeGreaterThanOrEqual(21);
    const columns = (db.pragma('table_info(cash_closings)') as { name: string }[]).map((c) => c.name);
    expect(columns).toEqual(expect.arrayContaining(['audit_seq', 'audit_hash']));
  });
});
