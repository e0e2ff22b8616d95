import { afterEach, describe, expect, it } from 'vitest';
import { listChanges } from '../../src/database/queries/change-log.js';
import { readPullCursor } from '../../src/database/queries/sync.js';
import { installShopKey, readShopKey } from '../../src/sync/shop-key.js';
import { toSyncChange } from '../../src/sync/push-pending.js';
import { applyPulledPage } from '../../src/sync/apply-page.js';
import type { SyncChange } from '../../src/sync/sync-store.js';
import { newId } from '../../src/utils/ids.js';
import { seedCatalog } from '../helpers/catalog-fixture.js';
import { seedStock } from '../helpers/stock-fixture.js';
import { createTestApp, initializedApp, type TestApp } from '../helpers/test-app.js';

const opened: TestApp[] = [];
afterEach(() => opened.splice(0).forEach((t) => t.close()));

describe('a pulled change whose references have not arrived', () => {
  it('waits, the cursor moving past it, and is applied when a later page brings what it refers to', async () => {
    const a = await initializedApp();
    opened.push(a);
    const items = await seedStock(a, a.adminToken, await seedCatalog(a, a.adminToken));
    await a.ok('stock.receive', { id: newId(), lines: [{ id: newId(), itemId: items.pao, unit: 'pct', quantity: 4000, unitCost: 900 }] }, a.adminToken);
    // The log as it travels (PIN hashes wrapped with the shop key).
    const log: SyncChange[] = listChanges(a.app.db, 0, 100_000).map((row) => toSyncChange(a.app.db, row));
    const receipt = log.filter((c) => c.entity === 'stock_movement' && c.data.itemId === items.pao);
    expect(receipt).toHaveLength(1);

    const b = await createTestApp();
    opened.push(b);
    installShopKey(b.app.db, readShopKey(a.app.db)!);
    const level = () => b.app.db.prepare('SELECT quantity FROM stock_levels WHERE item_id = ?').pluck().get(items.pao);
    // The movement arrives before the item it moves (its terminal's log was read in another order).
    const first = applyPulledPage(b.app.db, 'este-terminal', receipt);
    expect(first.applied).toEqual([]);
    expect(b.app.db.prepare('SELECT count(*) FROM sync_held').pluck().get()).toBe(1);
    expect(readPullCursor(b.app.db)[receipt[0]!.terminalId]).toBe(receipt[0]!.terminalSeq);
    expect(level()).toBeUndefined();
    expect(b.app.sync.status().held).toBe(1);

    const rest = applyPulledPage(b.app.db, 'este-terminal', log.filter((c) => c !== receipt[0]));
    expect(rest.applied.map((c) => c.id)).toContain(receipt[0]!.id);
    expect(b.app.sync.status().held).toBe(0);
    expect(level()).toBe(24_000);
    // Applying the whole log again changes nothing: the receipt is not counted twice.
    applyPulledPage(b.app.db, 'este-terminal', log);
    expect(level()).toBe(24_000);
  });
});
