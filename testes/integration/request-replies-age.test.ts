import { afterEach, describe, expect, it } from 'vitest';
import { REPLY_KEEP_DAYS, forgetOldReplies } from '../../src/services/request-replies.js';
import { newId } from '../../src/utils/ids.js';
import { cash, line, seedCatalog } from '../helpers/catalog-fixture.js';
import { initializedApp, type TestApp } from '../helpers/test-app.js';

const DAY = 86_400_000;
const apps: TestApp[] = [];
afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
});

describe('answers kept for retries are forgotten after a month', () => {
  it('forgets a backlog larger than one batch, keeps the recent ones, and a recent retry still gets its answer', async () => {
    const t = await initializedApp();
    apps.push(t);
    const menu = await seedCatalog(t, t.adminToken);
    await t.ok('cash.open', { id: newId(), openingFloat: 0 }, t.adminToken);
    const sale = { id: newId(), type: 'balcao' as const, lines: [line(menu.p.refri)], payments: [cash(1000)] };
    const sold = await t.ok('orders.create', sale, t.adminToken);
    const { db } = t.app;
    const now = t.clock.now();
    // A year of old answers: far more than one batch.
    const insert = db.prepare("INSERT INTO request_replies (request_key, operation, fingerprint, reply, at) VALUES (?, 'orders.create', 'f', '{}', ?)");
    db.transaction(() => {
      for (let i = 0; i < 1234; i++) insert.run(`order:old-${i}`, now - (REPLY_KEEP_DAYS + 1 + (i % 300)) * DAY);
    })();
    insert.run('order:recent', now - (REPLY_KEEP_DAYS - 1) * DAY);
    db.prepare("UPDATE request_replies SET at = ? WHERE request_key = 'order:' || ?").run(now - (REPLY_KEEP_DAYS - 1) * DAY, sale.id);

    expect(await forgetOldReplies(db, now)).toBe(1234);
    expect(db.prepare("SELECT request_key FROM request_replies WHERE request_key LIKE 'order:%' AND request_key NOT LIKE 'order:old-%' ORDER BY request_key").pluck().all()).toEqual(
      [`order:${sale.id}`, 'order:recent'].sort(),
    );
    // The sale's reply was lost 29 days ago: the retry still gets the same answer, and nothing is sold twice.
    expect(await t.ok('orders.create', sale, t.adminToken)).toEqual(sold);
    expect(db.prepare('SELECT COUNT(*) FROM orders').pluck().get()).toBe(1);
  });

  it('a clock set back forgets nothing more', async () => {
    const t = await initializedApp();
    apps.push(t);
    const { db } = t.app;
    const now = t.clock.now();
    db.prepare("INSERT INTO request_replies (request_key, operation, fingerprint, reply, at) VALUES ('order:x', 'orders.create', 'f', '{}', ?)").run(now - 10 * DAY);
    expect(await forgetOldReplies(db, now - 365 * DAY)).toBe(0);
    expect(await forgetOldReplies(db, now)).toBe(0);
    expect(db.prepare('SELECT COUNT(*) FROM request_replies').pluck().get()).toBe(1);
  });
});
