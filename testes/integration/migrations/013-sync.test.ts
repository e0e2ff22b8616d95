import { describe, expect, it } from 'vitest';
import { schemaVersion } from '../../../src/database/migrations/index.js';
import { advancePullCursor, markPushed, readPullCursor, readPushedSeq } from '../../../src/database/queries/sync.js';
import { migratedTo, tables } from '../../helpers/migrations.js';

describe('migration 013: sync', () => {
  it('adds the push progress (nothing sent yet) and the pull cursor, which only moves forward', () => {
    const db = migratedTo(13);
    expect(schemaVersion(db)).toBe(13);
    for (const table of ['sync_push_state', 'sync_cursor']) expect(tables(db)).toContain(table);
    expect(readPushedSeq(db)).toBe(0);
    markPushed(db, 7);
    markPushed(db, 4);
    expect(readPushedSeq(db)).toBe(4);
    expect(() => markPushed(db, -1)).toThrow(/CHECK/);
    expect(() => db.prepare('INSERT INTO sync_push_state (id, held_seq) VALUES (2, 0)').run()).toThrow(/CHECK/);

    expect(readPullCursor(db)).toEqual({});
    advancePullCursor(db, 'terminal-a', 5);
    advancePullCursor(db, 'terminal-b', 2);
    advancePullCursor(db, 'terminal-a', 3);
    expect(readPullCursor(db)).toEqual({ 'terminal-a': 5, 'terminal-b': 2 });
  });
});
