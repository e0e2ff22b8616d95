import type { Db } from '../connection.js';
import { sql } from '../statements.js';
import type { Role } from '../../models/roles.js';
import type { UserView } from '../../models/users.js';
import { compareNames } from '../../utils/text.js';

export interface UserRecord {
  id: string;
  name: string;
  role: Role;
  pinHash: string;
  active: boolean;
  createdAt: number;
  updatedAt: number;
}

interface StoredUser {
  id: string;
  name: string;
  role: Role;
  pin_hash: string;
  active: number;
  created_at: number;
  updated_at: number;
}

const fromStored = (row: StoredUser): UserRecord => ({
  id: row.id,
  name: row.name,
  role: row.role,
  pinHash: row.pin_hash,
  active: row.active === 1,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export function findUserById(db: Db, id: string): UserRecord | undefined {
  const row = sql<[string], StoredUser>(db, 'SELECT * FROM users WHERE id = ?').get(id);
  return row && fromStored(row);
}

/** Active users only: names are unique among them, case and accents folded. */
export function findActiveUserByNameKey(db: Db, nameKey: string): UserRecord | undefined {
  const row = sql<[string], StoredUser>(db, 'SELECT * FROM users WHERE name_key = ? AND active = 1').get(nameKey);
  return row && fromStored(row);
}

export const countActiveAdmins = (db: Db): number =>
  sql<[], { n: number }>(db, "SELECT count(*) AS n FROM users WHERE role = 'admin' AND active = 1").get()!.n;

export const countUsers = (db: Db): number => sql<[], { n: number }>(db, 'SELECT count(*) AS n FROM users').get()!.n;

export function listUsers(db: Db, includeInactive: boolean, now: number): UserView[] {
  return sql<[number], StoredUser & { locked_until: number | null }>(
    db,
    `SELECT u.*, p.locked_until FROM users u LEFT JOIN pin_attempts p ON p.user_id = u.id
     WHERE u.active >= ?`,
  )
    .all(includeInactive ? 0 : 1)
    .sort((a, b) => b.active - a.active || compareNames(a.name, b.name))
    .map((row) => ({
      id: row.id,
      name: row.name,
      role: row.role,
      active: row.active === 1,
      lockedUntil: row.locked_until !== null && row.locked_until > now ? row.locked_until : null,
      createdAt: row.created_at,
    }));
}

export interface NewUser {
  id: string;
  name: string;
  nameKey: string;
  role: Role;
  pinHash: string;
  at: number;
  hlc: string;
}

export function insertUser(db: Db, user: NewUser): void {
  sql(
    db,
    `INSERT INTO users (id, name, name_key, role, pin_hash, active, created_at, updated_at, hlc)
     VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?)`,
  ).run(user.id, user.name, user.nameKey, user.role, user.pinHash, user.at, user.at, user.hlc);
}

export interface UserPatch {
  name?: string;
  nameKey?: string;
  role?: Role;
  pinHash?: string;
  active?: boolean;
}

const COLUMNS: Record<keyof UserPatch, string> = {
  name: 'name',
  nameKey: 'name_key',
  role: 'role',
  pinHash: 'pin_hash',
  active: 'active',
};

export function updateUser(db: Db, id: string, patch: UserPatch, at: number, hlc: string): void {
  const entries = Object.entries(patch).filter(([, value]) => value !== undefined) as [keyof UserPatch, unknown][];
  const sets = entries.map(([key]) => `${COLUMNS[key]} = ?`);
  const values = entries.map(([, value]) => (typeof value === 'boolean' ? Number(value) : value));
  sql(db, `UPDATE users SET ${[...sets, 'updated_at = ?', 'hlc = ?'].join(', ')} WHERE id = ?`).run(...values, at, hlc, id);
}
