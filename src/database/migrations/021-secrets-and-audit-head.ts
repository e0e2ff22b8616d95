import { secretsOf } from '../secret-store.js';
import { keepEndpointSecrets } from '../../webhooks/endpoint-secrets.js';
import { keepShopKeyCheck, SHOP_KEY_SECRET } from '../../sync/shop-key.js';
import type { Migration } from './migration.js';

/**
 * Secrets leave the database for the terminal's secret store (a file sealed by the operating
 * system on the desktop): the webhook signing secrets and the shop key are moved there and blanked
 * here, with secure_delete on so their old bytes are zeroed, and the WAL is folded into the file
 * afterwards so no earlier copy of a page that held them is left behind.
 *
 * And a Z report keeps the audit chain's head at its close (seq and hash), printed on paper: a
 * witness of the chain outside the file.
 */
export const migration021: Migration = {
  version: 21,
  name: 'secrets-and-audit-head',
  up(db) {
    db.exec(`
      ALTER TABLE cash_closings ADD COLUMN audit_seq INTEGER;
      ALTER TABLE cash_closings ADD COLUMN audit_hash TEXT;
    `);

    const endpoints = db
      .prepare<[], { id: string; secret: string; previous: string | null }>('SELECT id, secret, previous_secret AS previous FROM webhook_endpoints')
      .all();
    const shopKey = db.prepare<[], string>("SELECT value FROM meta WHERE key = 'shop_key'").pluck().get();
    if (endpoints.length === 0 && shopKey === undefined) return;

    const secrets = secretsOf(db);
    const secureDelete = db.pragma('secure_delete', { simple: true }) as number;
    db.pragma('secure_delete = ON');
    for (const endpoint of endpoints) keepEndpointSecrets(secrets, endpoint.id, endpoint.secret, endpoint.previous);
    db.prepare("UPDATE webhook_endpoints SET secret = '', previous_secret = NULL").run();
    if (shopKey !== undefined) {
      secrets.set(SHOP_KEY_SECRET, shopKey);
      keepShopKeyCheck(db, Buffer.from(shopKey, 'base64url'));
      db.prepare("DELETE FROM meta WHERE key = 'shop_key'").run();
    }
    db.pragma(`secure_delete = ${secureDelete}`);
  },
  afterCommit(db) {
    db.pragma('wal_checkpoint(TRUNCATE)');
  },
};
