import type { Migration } from './migration.js';

/** Answers kept for retries are forgotten once no screen can still be retrying them: found by age. */
export const migration035: Migration = {
  version: 35,
  name: 'request-replies-age',
  up(db) {
    db.exec('CREATE INDEX request_replies_at ON request_replies (at)');
  },
};
