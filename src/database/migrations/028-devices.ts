import type { Migration } from './migration.js';

/**
 * Shop devices (tablets, TVs) paired with this terminal, and the pairing codes they asked for. Both are
 * local to this terminal, like board links: a device talks to the computer it was paired with. Tokens
 * are kept as their SHA-256 only; a code's row carries the hash of the token the device already holds.
 */
export const migration028: Migration = {
  version: 28,
  name: 'devices',
  up(db) {
    db.exec(`
      CREATE TABLE devices (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('kitchen', 'board', 'display', 'rating')),
        label TEXT NOT NULL, station TEXT, terminal_id TEXT,
        token_hash TEXT NOT NULL UNIQUE, address TEXT NOT NULL,
        paired_by TEXT NOT NULL REFERENCES users (id), paired_at INTEGER NOT NULL,
        last_seen_at INTEGER, revoked_at INTEGER
      ) STRICT;
      CREATE TABLE device_pairings (
        id TEXT PRIMARY KEY, code TEXT NOT NULL, token_hash TEXT NOT NULL UNIQUE, address TEXT NOT NULL,
        created_at INTEGER NOT NULL, expires_at INTEGER NOT NULL, device_id TEXT REFERENCES devices (id)
      ) STRICT;
      CREATE INDEX device_pairings_code ON device_pairings (code, expires_at);
      CREATE INDEX device_pairings_address ON device_pairings (address, created_at);
    `);
  },
};
