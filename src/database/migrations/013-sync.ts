import type { Migration } from './migration.js';

/** Local to this terminal, never synced: how far the server holds our log, how far we applied each terminal's. */
export const migration013: Migration = {
  version: 13,
  name: 'sync',
  up(db) {
    db.exec(`
      -- The highest seq of our change log the server holds with no hole below it: rows after it are unsent.
      CREATE TABLE sync_push_state (
        id       INTEGER PRIMARY KEY CHECK (id = 1),
        held_seq INTEGER NOT NULL CHECK (held_seq >= 0)
      ) STRICT;
      INSERT INTO sync_push_state (id, held_seq) VALUES (1, 0);

      -- The pull cursor: per terminal, the last seq of its log applied here.
      CREATE TABLE sync_cursor (
        terminal_id TEXT PRIMARY KEY,
        last_seq    INTEGER NOT NULL CHECK (last_seq >= 0)
      ) STRICT;
    `);
  },
};
