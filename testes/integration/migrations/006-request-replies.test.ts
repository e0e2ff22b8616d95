import { describe, expect, it } from 'vitest';
import { schemaVersion } from '../../../src/database/migrations/index.js';
import { migratedTo, tables } from '../../helpers/migrations.js';

describe('migration 006: request replies', () => {
  it('keeps one reply per request key, marks recalled carts instead of deleting them, and finds orders by number', () => {
    const db = migratedTo(6);
    expect(schemaVersion(db)).toBe(6);
    expect(tables(db)).toContain('request_replies');
    db.exec("INSERT INTO request_replies VALUES ('order:o', 'orders.create', 'f', '{}', 0)");
    expect(() => db.prepare("INSERT INTO request_replies VALUES ('order:o', 'orders.create', 'g', '{}', 1)").run()).toThrow(/UNIQUE|PRIMARY/);
    db.exec("INSERT INTO held_carts (id, terminal_id, label, cart, created_by, created_by_name, created_at) VALUES ('h', 't', 'Mesa', '{}', 'u', 'U', 0)");
    expect(db.prepare("SELECT recalled_at FROM held_carts WHERE id = 'h'").pluck().get()).toBeNull();
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'orders'").pluck().all()).toContain('orders_number');
  });
});
