import { describe, expect, it } from 'vitest';
import { MIGRATIONS, runMigrations, schemaVersion } from '../../../src/database/migrations/index.js';
import { activeDeviceByHash, insertDevice, insertPairing, waitingPairingByCode } from '../../../src/database/queries/devices.js';
import { migratedTo, tables } from '../../helpers/migrations.js';

describe('migration 028: shop devices and their pairing codes', () => {
  it('adds the two tables over a database of the previous version, keeping tokens unique and kinds known', () => {
    const db = migratedTo(23);
    db.exec("INSERT INTO users (id, name, name_key, role, pin_hash, active, created_at, updated_at, hlc) VALUES ('u', 'Ana', 'ana', 'admin', 'h', 1, 0, 0, '')");
    expect(runMigrations(db, MIGRATIONS)).toContain(28);
    expect(schemaVersion(db)).toBeGreaterThanOrEqual(28);
    expect(tables(db)).toEqual(expect.arrayContaining(['devices', 'device_pairings']));

    insertPairing(db, { id: 'p', code: 'ACD347', tokenHash: 'h1', address: '192.168.0.20', createdAt: 0, expiresAt: 300_000 });
    expect(waitingPairingByCode(db, 'ACD347', 1000)).toMatchObject({ id: 'p', address: '192.168.0.20' });
    expect(waitingPairingByCode(db, 'ACD347', 300_000)).toBeUndefined();

    insertDevice(db, { id: 'd', kind: 'kitchen', label: 'Chapa', station: 'Chapa', terminalId: null, tokenHash: 'h1', address: '192.168.0.20', pairedBy: 'u', pairedAt: 1 });
    expect(activeDeviceByHash(db, 'h1')).toMatchObject({ id: 'd', kind: 'kitchen', lastSeenAt: null, revokedAt: null });
    expect(() => insertDevice(db, { id: 'e', kind: 'board', label: 'TV', station: null, terminalId: null, tokenHash: 'h1', address: 'x', pairedBy: 'u', pairedAt: 1 })).toThrow(/UNIQUE/);
    expect(() => db.exec("INSERT INTO devices (id, kind, label, token_hash, address, paired_by, paired_at) VALUES ('f', 'printer', 'x', 'h2', 'x', 'u', 1)")).toThrow(/CHECK/);
    expect(() => db.exec("INSERT INTO devices (id, kind, label, token_hash, address, paired_by, paired_at) VALUES ('g', 'board', 'x', 'h3', 'x', 'nobody', 1)")).toThrow(/FOREIGN KEY/);
  });
});
