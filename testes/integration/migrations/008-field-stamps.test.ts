import { describe, expect, it } from 'vitest';
import { MIGRATIONS, runMigrations, schemaVersion } from '../../../src/database/migrations/index.js';
import { migratedTo, tables } from '../../helpers/migrations.js';

describe('migration 008: field stamps', () => {
  it('adds the per-field stamps of reference data, read back from the changes logged before it', () => {
    const db = migratedTo(5);
    const log = db.prepare("INSERT INTO change_log VALUES (?, ?, 't', ?, ?, ?, 'update', ?, 0)");
    log.run(1, 'c1', '000000000000001:000000:t', 'user', 'u1', JSON.stringify({ name: 'Ana', role: 'admin' }));
    log.run(2, 'c2', '000000000000002:000000:t', 'user', 'u1', JSON.stringify({ name: 'Ana Souza' }));
    log.run(3, 'c3', '000000000000003:000000:t', 'order', 'o1', JSON.stringify({ type: 'balcao' }));
    runMigrations(db, MIGRATIONS.filter((m) => m.version <= 8));
    expect(schemaVersion(db)).toBe(8);
    expect(tables(db)).toContain('change_field_stamps');
    expect(db.prepare('SELECT entity, entity_id AS entityId, field, hlc FROM change_field_stamps ORDER BY field').all()).toEqual([
      { entity: 'user', entityId: 'u1', field: 'name', hlc: '000000000000002:000000:t' },
      { entity: 'user', entityId: 'u1', field: 'role', hlc: '000000000000001:000000:t' },
    ]);
  });
});
