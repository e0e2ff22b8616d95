import { describe, expect, it } from 'vitest';
import { schemaVersion } from '../../../src/database/migrations/index.js';
import { migratedTo, tables } from '../../helpers/migrations.js';

describe('migration 004: webhooks', () => {
  it('adds endpoints, the event outbox (bodies never rewritten), deliveries and attempts', () => {
    const db = migratedTo(4);
    expect(schemaVersion(db)).toBe(4);
    for (const table of ['webhook_endpoints', 'webhook_events', 'webhook_deliveries', 'webhook_attempts']) expect(tables(db)).toContain(table);
    db.exec("INSERT INTO webhook_events VALUES ('evt_1', 'ping', '{}', 0)");
    expect(() => db.prepare("UPDATE webhook_events SET body = '[]'").run()).toThrow(/immutable/);
  });
});
