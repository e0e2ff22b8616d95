import type { Migration } from './migration.js';

/**
 * A kitchen device may ask for its cook's PIN before it shows the queue (`cook_login`). Wrong PINs typed
 * on it are counted on the device itself (`pin_failures`, the last at `pin_attempt_at`): the count survives
 * a restart and a move to another address, and past the limit only a manager's unlock sets it back to 0.
 */
export const migration030: Migration = {
  version: 30,
  name: 'device-cook-login',
  up(db) {
    db.exec(`
      ALTER TABLE devices ADD COLUMN cook_login INTEGER NOT NULL DEFAULT 0 CHECK (cook_login IN (0, 1));
      ALTER TABLE devices ADD COLUMN pin_failures INTEGER NOT NULL DEFAULT 0 CHECK (pin_failures >= 0);
      ALTER TABLE devices ADD COLUMN pin_attempt_at INTEGER;
    `);
  },
};
