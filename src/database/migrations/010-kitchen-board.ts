import type { Migration } from './migration.js';

/**
 * Kitchen tickets carry items instead of whole lines, so a combo's chosen products each reach their own
 * station: part 0 is a whole line, part n the n-th chosen product of a combo line. Each part goes to
 * one ticket only. What was sent before becomes whole-line items at the line's station.
 * Board links: read-only tokens for the call board's TV, kept as a hash so they outlive a restart.
 */
export const migration010: Migration = {
  version: 10,
  name: 'kitchen-board',
  up(db) {
    db.exec(`
      CREATE TABLE kitchen_ticket_items (
        ticket_id TEXT NOT NULL REFERENCES kitchen_tickets (id), line_id TEXT NOT NULL REFERENCES order_lines (id),
        part INTEGER NOT NULL CHECK (part >= 0), station TEXT NOT NULL,
        PRIMARY KEY (line_id, part)
      ) STRICT;
      CREATE INDEX kitchen_ticket_items_ticket ON kitchen_ticket_items (ticket_id);
      INSERT INTO kitchen_ticket_items (ticket_id, line_id, part, station)
        SELECT t.ticket_id, t.line_id, 0, l.station FROM kitchen_ticket_lines t JOIN order_lines l ON l.id = t.line_id;
      DROP TABLE kitchen_ticket_lines;
      CREATE TRIGGER kitchen_ticket_items_no_update BEFORE UPDATE ON kitchen_ticket_items BEGIN SELECT RAISE(ABORT, 'kitchen_ticket_items is immutable'); END;
      CREATE TRIGGER kitchen_ticket_items_no_delete BEFORE DELETE ON kitchen_ticket_items BEGIN SELECT RAISE(ABORT, 'kitchen_ticket_items is immutable'); END;

      -- Local to this terminal, like sessions: a board link is never synced.
      CREATE TABLE board_links (
        id TEXT PRIMARY KEY, label TEXT NOT NULL, token_hash TEXT NOT NULL UNIQUE,
        created_by TEXT NOT NULL REFERENCES users (id), created_at INTEGER NOT NULL, revoked_at INTEGER
      ) STRICT;
    `);
  },
};
