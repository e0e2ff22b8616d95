import type { Db } from '../connection.js';
import type { DeviceKind } from '../../models/devices.js';
import { sql } from '../statements.js';

export interface DeviceRow {
  id: string;
  kind: DeviceKind;
  label: string;
  station: string | null;
  terminalId: string | null;
  address: string;
  pairedBy: string;
  pairedAt: number;
  lastSeenAt: number | null;
  revokedAt: number | null;
  /** A kitchen device that shows the queue only once a cook has typed their PIN on it. */
  cookLogin: boolean;
  /** Wrong PINs typed on it that still count, and when the last PIN was tried (see device-pin-rules.ts). */
  pinFailures: number;
  pinAttemptAt: number | null;
}

export interface PairingRow {
  id: string;
  code: string;
  tokenHash: string;
  address: string;
  createdAt: number;
  expiresAt: number;
  deviceId: string | null;
}

const DEVICE_COLUMNS =
  'id, kind, label, station, terminal_id AS terminalId, address, paired_by AS pairedBy, paired_at AS pairedAt, last_seen_at AS lastSeenAt, revoked_at AS revokedAt, cook_login AS cookLogin, pin_failures AS pinFailures, pin_attempt_at AS pinAttemptAt';

type StoredDevice = Omit<DeviceRow, 'cookLogin'> & { cookLogin: number };
const deviceOf = (row: StoredDevice | undefined): DeviceRow | undefined => row && { ...row, cookLogin: row.cookLogin === 1 };
const PAIRING_COLUMNS = 'id, code, token_hash AS tokenHash, address, created_at AS createdAt, expires_at AS expiresAt, device_id AS deviceId';

export function insertPairing(db: Db, pairing: Omit<PairingRow, 'deviceId'>): void {
  sql(db, 'INSERT INTO device_pairings (id, code, token_hash, address, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)').run(
    pairing.id,
    pairing.code,
    pairing.tokenHash,
    pairing.address,
    pairing.createdAt,
    pairing.expiresAt,
  );
}

export const findPairing = (db: Db, id: string) => sql<[string], PairingRow>(db, `SELECT ${PAIRING_COLUMNS} FROM device_pairings WHERE id = ?`).get(id);

/** The code still waiting for a manager, if it has not expired. */
export const waitingPairingByCode = (db: Db, code: string, now: number) =>
  sql<[string, number], PairingRow>(db, `SELECT ${PAIRING_COLUMNS} FROM device_pairings WHERE code = ? AND expires_at > ? AND device_id IS NULL`).get(code, now);

export const pairingRequestsSince = (db: Db, address: string, since: number): number =>
  sql<[string, number], { n: number }>(db, 'SELECT count(*) AS n FROM device_pairings WHERE address = ? AND created_at > ?').get(address, since)!.n;

export const waitingPairings = (db: Db, now: number): number =>
  sql<[number], { n: number }>(db, 'SELECT count(*) AS n FROM device_pairings WHERE expires_at > ? AND device_id IS NULL').get(now)!.n;

/** Codes long expired and never confirmed say nothing any more. */
export function forgetStalePairings(db: Db, before: number): void {
  sql(db, 'DELETE FROM device_pairings WHERE expires_at < ? AND device_id IS NULL').run(before);
}

export function insertDevice(db: Db, device: Omit<DeviceRow, 'lastSeenAt' | 'revokedAt' | 'cookLogin' | 'pinFailures' | 'pinAttemptAt'> & { tokenHash: string; cookLogin?: boolean }): void {
  sql(db, 'INSERT INTO devices (id, kind, label, station, terminal_id, token_hash, address, paired_by, paired_at, cook_login) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
    device.id,
    device.kind,
    device.label,
    device.station,
    device.terminalId,
    device.tokenHash,
    device.address,
    device.pairedBy,
    device.pairedAt,
    device.cookLogin ? 1 : 0,
  );
}

export function markPairingUsed(db: Db, pairingId: string, deviceId: string): void {
  sql(db, 'UPDATE device_pairings SET device_id = ? WHERE id = ?').run(deviceId, pairingId);
}

export const findDevice = (db: Db, id: string) => deviceOf(sql<[string], StoredDevice>(db, `SELECT ${DEVICE_COLUMNS} FROM devices WHERE id = ?`).get(id));

/** The device a token opens, unless it was revoked. */
export const activeDeviceByHash = (db: Db, tokenHash: string) =>
  deviceOf(sql<[string], StoredDevice>(db, `SELECT ${DEVICE_COLUMNS} FROM devices WHERE token_hash = ? AND revoked_at IS NULL`).get(tokenHash));

export const listDevices = (db: Db): DeviceRow[] => sql<[], StoredDevice>(db, `SELECT ${DEVICE_COLUMNS} FROM devices ORDER BY paired_at, rowid`).all().map((row) => deviceOf(row)!);

export function revokeDevice(db: Db, id: string, at: number): void {
  sql(db, 'UPDATE devices SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(at, id);
}

export function markDeviceSeen(db: Db, id: string, at: number): void {
  sql(db, 'UPDATE devices SET last_seen_at = ? WHERE id = ? AND (last_seen_at IS NULL OR last_seen_at < ?)').run(at, id, at);
}

/** The wrong PINs a device has typed that still count (a manager's unlock sets them back to none). */
export function writeDevicePinAttempts(db: Db, id: string, attempts: { failures: number; lastAt: number | null }): void {
  sql(db, 'UPDATE devices SET pin_failures = ?, pin_attempt_at = ? WHERE id = ?').run(attempts.failures, attempts.lastAt, id);
}
