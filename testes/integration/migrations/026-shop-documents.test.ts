import { describe, expect, it } from 'vitest';
import { MIGRATIONS, runMigrations, schemaVersion } from '../../../src/database/migrations/index.js';
import { migratedTo, tables } from '../../helpers/migrations.js';

const queued = (db: ReturnType<typeof migratedTo>) => db.prepare('SELECT order_id AS id, version FROM publish_pending ORDER BY order_id').all();

describe('migration 026: the shop documents to publish, and the chain of shops', () => {
  it("queues every order this terminal sold so far, and then each change to one of its orders, never another terminal's", () => {
    const db = migratedTo(23);
    db.exec(`
      INSERT INTO meta (key, value) VALUES ('terminal_id', 'here');
      INSERT INTO cash_sessions (id, terminal_id, opened_by, opened_by_name, opened_at, opening_float, hlc) VALUES ('c', 'here', 'u', 'U', 0, 0, '');
      INSERT INTO orders (id, terminal_id, business_day, number, display_number, type, created_by, created_by_name, created_at, cash_session_id, hlc) VALUES
        ('mine', 'here', '2026-11-29', 1, 'A-001', 'balcao', 'u', 'U', 0, 'c', ''),
        ('theirs', 'there', '2026-11-29', 1, 'B-001', 'balcao', 'u', 'U', 0, NULL, '');
      INSERT INTO order_state (order_id, status, subtotal, discount, total, paid, paid_at, status_at) VALUES
        ('mine', 'delivered', 500, 0, 500, 500, 5, 5), ('theirs', 'delivered', 500, 0, 500, 500, 5, 5);
    `);
    expect(runMigrations(db, MIGRATIONS.filter((m) => m.version <= 26))).toContain(26);
    expect(schemaVersion(db)).toBe(26);
    expect(queued(db)).toEqual([{ id: 'mine', version: 1 }]);

    // A void (its event and the state it derives) queues the order again; the other terminal's void does not.
    db.exec(`
      INSERT INTO order_events (id, order_id, kind, by_user, by_name, at, reason, hlc) VALUES ('e1', 'mine', 'voided', 'u', 'U', 9, 'engano', ''), ('e2', 'theirs', 'voided', 'u', 'U', 9, 'engano', '');
      UPDATE order_state SET status = 'voided', status_at = 9;
    `);
    expect(queued(db)).toEqual([{ id: 'mine', version: 3 }]);
    db.exec("DELETE FROM publish_pending; INSERT INTO order_lines (id, order_id, position, product_id, name, quantity, unit_price, modifiers, combo, discount, total, added_by, added_at, hlc) VALUES ('l', 'mine', 1, 'p', 'P', 1, 0, '[]', '[]', 0, 0, 'u', 9, '')");
    expect(queued(db)).toEqual([{ id: 'mine', version: 1 }]);
    // Renumbered after a restore from a backup: its document must show the new number.
    db.exec(`DELETE FROM publish_pending;
      INSERT INTO order_renumberings (order_id, from_display, to_display, number, at) VALUES ('mine', 'A-001', 'A-004', 4, 10);
      UPDATE orders SET number = 4, display_number = 'A-004' WHERE id = 'mine';`);
    expect(queued(db)).toEqual([{ id: 'mine', version: 1 }]);
    expect(tables(db)).toEqual(expect.arrayContaining(['publish_pending', 'chain_shops']));
    expect(db.prepare("SELECT name FROM pragma_table_info('chain_shops') ORDER BY cid").pluck().all()).toEqual(['id', 'name', 'name_key', 'hosts', 'database', 'created_at']);
  });
});
