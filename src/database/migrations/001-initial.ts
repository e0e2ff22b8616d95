import type { Migration } from './migration.js';

/** Shop, terminal, settings, users, PIN lockouts, overrides, the audit chain and the change log. */
export const migration001: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      -- Local to this terminal: who it is. Never synced.
      CREATE TABLE meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE shop (
        id         TEXT PRIMARY KEY,
        name       TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        hlc        TEXT NOT NULL
      ) STRICT;

      CREATE TABLE terminals (
        id         TEXT PRIMARY KEY,
        letter     TEXT NOT NULL CHECK (length(letter) = 1 AND letter BETWEEN 'A' AND 'Z'),
        created_at INTEGER NOT NULL,
        hlc        TEXT NOT NULL
      ) STRICT;

      -- Reference data merged per key by HLC.
      CREATE TABLE settings (
        key        TEXT PRIMARY KEY,
        value      TEXT NOT NULL,
        updated_by TEXT,
        hlc        TEXT NOT NULL
      ) STRICT;

      CREATE TABLE users (
        id         TEXT PRIMARY KEY,
        name       TEXT NOT NULL,
        name_key   TEXT NOT NULL,
        role       TEXT NOT NULL CHECK (role IN ('admin', 'manager', 'cashier', 'stockroom', 'kitchen')),
        pin_hash   TEXT NOT NULL,
        active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        hlc        TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX users_active_name ON users (name_key) WHERE active = 1;

      -- Wrong PINs in a row, per user, on this terminal.
      CREATE TABLE pin_attempts (
        user_id      TEXT PRIMARY KEY REFERENCES users (id),
        failures     INTEGER NOT NULL,
        locked_until INTEGER
      ) STRICT;

      -- Single-use manager approvals bound to one operation and one record.
      CREATE TABLE overrides (
        id           TEXT PRIMARY KEY,
        token_hash   TEXT NOT NULL UNIQUE,
        operation    TEXT NOT NULL,
        record_id    TEXT NOT NULL,
        approver_id  TEXT NOT NULL REFERENCES users (id),
        requested_by TEXT REFERENCES users (id),
        created_at   INTEGER NOT NULL,
        expires_at   INTEGER NOT NULL,
        used_at      INTEGER
      ) STRICT;

      -- Append-only and hash-chained: each row carries the previous row's hash and its own.
      CREATE TABLE audit_log (
        seq           INTEGER PRIMARY KEY,
        id            TEXT NOT NULL UNIQUE,
        at            INTEGER NOT NULL,
        terminal_id   TEXT NOT NULL,
        user_id       TEXT,
        user_name     TEXT,
        action        TEXT NOT NULL,
        record_type   TEXT,
        record_id     TEXT,
        result        TEXT NOT NULL CHECK (result IN ('ok', 'denied', 'failed')),
        approver_id   TEXT,
        approver_name TEXT,
        details       TEXT NOT NULL,
        prev_hash     TEXT NOT NULL,
        hash          TEXT NOT NULL
      ) STRICT;
      CREATE INDEX audit_log_at ON audit_log (at);
      CREATE INDEX audit_log_action ON audit_log (action, seq);
      CREATE INDEX audit_log_user ON audit_log (user_id, seq);
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

      -- What other terminals must see, in commit order, with a gap-free per-terminal sequence.
      CREATE TABLE change_log (
        terminal_seq INTEGER PRIMARY KEY,
        id           TEXT NOT NULL UNIQUE,
        terminal_id  TEXT NOT NULL,
        hlc          TEXT NOT NULL,
        entity       TEXT NOT NULL,
        entity_id    TEXT NOT NULL,
        op           TEXT NOT NULL CHECK (op IN ('insert', 'update')),
        data         TEXT NOT NULL,
        at           INTEGER NOT NULL
      ) STRICT;
      CREATE TABLE change_log_state (
        id       INTEGER PRIMARY KEY CHECK (id = 1),
        last_seq INTEGER NOT NULL,
        last_hlc TEXT NOT NULL
      ) STRICT;
      INSERT INTO change_log_state (id, last_seq, last_hlc) VALUES (1, 0, '');
    `);
  },
};
