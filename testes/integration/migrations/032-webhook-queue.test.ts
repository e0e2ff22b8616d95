import { rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/database/connection.js';
import { DATABASE_FILE } from '../../../src/database/data-dir.js';
import { latestSchemaVersion, MIGRATIONS, runMigrations, schemaVersion } from '../../../src/database/migrations/index.js';
import { newId } from '../../../src/utils/ids.js';
import { expandQueuedEvents } from '../../../src/webhooks/outbox.js';
import { migratedTo, tables } from '../../helpers/migrations.js';
import { ADMIN, createTestApp, initializedApp } from '../../helpers/test-app.js';

const endpointRow = "INSERT INTO webhook_endpoints (id, url, events, enabled, allow_local, secret, created_at, updated_at) VALUES ('p', 'https://erp.example.com/h', '[\"ping\"]', 1, 0, '', 0, 0)";

describe('migration 032: the webhook queue', () => {
  it('adds the queue over a database of the previous version, leaving its outbox as it was; queued rows become events and deliveries in order', () => {
    const db = migratedTo(31);
    db.exec(endpointRow);
    db.exec(`INSERT INTO webhook_events VALUES ('evt_old', 'ping', '{"id":"evt_old"}', 5);
             INSERT INTO webhook_deliveries (id, event_id, endpoint_id, status, next_attempt_at, created_at, updated_at) VALUES ('d_old', 'evt_old', 'p', 'pending', 5, 5, 5)`);
    expect(runMigrations(db, MIGRATIONS.filter((m) => m.version <= 32))).toEqual([32]);
    expect(schemaVersion(db)).toBe(32);
    expect(tables(db)).toContain('webhook_queue');
    expect(db.prepare('SELECT id, status, next_attempt_at FROM webhook_deliveries').all()).toEqual([{ id: 'd_old', status: 'pending', next_attempt_at: 5 }]);

    const queue = db.prepare('INSERT INTO webhook_queue (event_id, type, body, deliveries, created_at) VALUES (?, ?, ?, ?, ?)');
    queue.run('evt_a', 'order.created', '{"id":"evt_a"}', JSON.stringify([{ id: 'd_a', endpointId: 'p' }]), 10);
    queue.run('evt_b', 'order.paid', '{"id":"evt_b"}', JSON.stringify([{ id: 'd_b', endpointId: 'p' }]), 10);
    expect(db.transaction(() => expandQueuedEvents(db, 1)).immediate()).toBe(1);
    expect(db.transaction(() => expandQueuedEvents(db, 10)).immediate()).toBe(1);
    expect(db.prepare('SELECT count(*) FROM webhook_queue').pluck().get()).toBe(0);
    expect(db.prepare('SELECT id, event_id AS eventId, status, next_attempt_at AS next, created_at AS created FROM webhook_deliveries ORDER BY rowid').all()).toEqual([
      { id: 'd_old', eventId: 'evt_old', status: 'pending', next: 5, created: 5 },
      { id: 'd_a', eventId: 'evt_a', status: 'pending', next: 10, created: 10 },
      { id: 'd_b', eventId: 'evt_b', status: 'pending', next: 10, created: 10 },
    ]);
    expect(db.prepare("SELECT body FROM webhook_events WHERE id = 'evt_b'").pluck().get()).toBe('{"id":"evt_b"}');
  });

  it('a delivery the older version left pending is still sent, signed, after the update, beside the events of new sales', async () => {
    const received: { id: string; body: string; verified: boolean }[] = [];
    let secret = '';
    const receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        let verified = true;
        try {
          new Webhook(secret).verify(body, req.headers as Record<string, string>);
        } catch {
          verified = false;
        }
        received.push({ id: String(req.headers['webhook-id']), body, verified });
        res.end('ok');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/erp`;
    const webhooks = { autoStart: false, network: { online: () => true } };
    const old = await initializedApp({ app: { webhooks } });
    const dir = old.dir;
    try {
      const endpoint = await old.ok('webhooks.create', { url, events: ['cash.opened'] }, old.adminToken);
      secret = endpoint.secret;
      old.app.close();
      // The same file as the version before the queue kept it: no queue yet (nor what later versions added), and one event waiting in its outbox.
      const db = openDatabase(join(dir, DATABASE_FILE));
      const oldBody = JSON.stringify({ id: 'evt_antigo', type: 'cash.opened', version: 1, data: { openingFloat: 500 } });
      db.exec('DROP TABLE webhook_queue; DROP INDEX request_replies_at; PRAGMA user_version = 31;');
      db.prepare("INSERT INTO webhook_events VALUES ('evt_antigo', 'cash.opened', ?, 1)").run(oldBody);
      db.prepare("INSERT INTO webhook_deliveries (id, event_id, endpoint_id, status, next_attempt_at, created_at, updated_at) VALUES (?, 'evt_antigo', ?, 'pending', 1, 1, 1)").run(newId(), endpoint.id);
      db.close();

      const t = await createTestApp({ dir, app: { webhooks } });
      try {
        expect(schemaVersion(t.app.db)).toBe(latestSchemaVersion());
        const { token } = await t.ok('auth.login', ADMIN);
        await t.ok('cash.open', { id: newId(), openingFloat: 0 }, token);
        await t.app.webhooks.tick();
        expect(received.map((r) => r.id).sort()).toEqual(['evt_antigo', expect.stringMatching(/^evt_/)].sort());
        expect(received.every((r) => r.verified)).toBe(true);
        expect(received.find((r) => r.id === 'evt_antigo')!.body).toBe(oldBody);
        const log = await t.ok('webhooks.deliveries', {}, token);
        expect(log.map((d) => d.status)).toEqual(['delivered', 'delivered']);
      } finally {
        t.app.close();
      }
    } finally {
      receiver.closeAllConnections();
      receiver.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
