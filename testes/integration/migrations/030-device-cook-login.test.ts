import { describe, expect, it } from 'vitest';
import { MIGRATIONS, runMigrations, schemaVersion } from '../../../src/database/migrations/index.js';
import { findDevice, insertDevice, listDevices, writeDevicePinAttempts } from '../../../src/database/queries/devices.js';
import { migratedTo } from '../../helpers/migrations.js';

describe("migration 030: a kitchen device's cook login and its wrong PINs", () => {
  it('keeps the devices paired before it, asking for no cook and with no wrong PIN, and checks the new columns', () => {
    const db = migratedTo(28);
    db.exec("INSERT INTO users (id, name, name_key, role, pin_hash, active, created_at, updated_at, hlc) VALUES ('u', 'Ana', 'ana', 'admin', 'h', 1, 0, 0, '')");
    db.exec("INSERT INTO devices (id, kind, label, token_hash, address, paired_by, paired_at) VALUES ('old', 'kitchen', 'Chapa', 'h0', '192.168.0.20', 'u', 1)");
    expect(runMigrations(db, MIGRATIONS)).toContain(30);
    expect(schemaVersion(db)).toBeGreaterThanOrEqual(30);
    expect(findDevice(db, 'old')).toMatchObject({ id: 'old', cookLogin: false, pinFailures: 0, pinAttemptAt: null });

    insertDevice(db, { id: 'new', kind: 'kitchen', label: 'Fritura', station: null, terminalId: null, tokenHash: 'h1', address: 'x', pairedBy: 'u', pairedAt: 2, cookLogin: true });
    writeDevicePinAttempts(db, 'new', { failures: 4, lastAt: 99 });
    expect(listDevices(db).map(({ id, cookLogin, pinFailures, pinAttemptAt }) => ({ id, cookLogin, pinFailures, pinAttemptAt }))).toEqual([
      { id: 'old', cookLogin: false, pinFailures: 0, pinAttemptAt: null },
      { id: 'new', cookLogin: true, pinFailures: 4, pinAttemptAt: 99 },
    ]);
    expect(() => db.exec("UPDATE devices SET cook_login = 2 WHERE id = 'old'")).toThrow(/CHECK/);
    expect(() => db.exec("UPDATE devices SET pin_failures = -1 WHERE id = 'old'")).toThrow(/CHECK/);
  });
});
