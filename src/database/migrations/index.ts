import type { Db } from '../connection.js';
import { migration001 } from './001-initial.js';
import { migration002 } from './002-counter.js';
import { migration003 } from './003-stockroom.js';
import { migration004 } from './004-webhooks.js';
import { migration005 } from './005-feedback.js';
import { migration006 } from './006-request-replies.js';
import { migration007 } from './007-void-caixa.js';
import { migration008 } from './008-field-stamps.js';
import { migration010 } from './010-kitchen-board.js';
import { migration013 } from './013-sync.js';
import { migration016 } from './016-sync-held.js';
import { migration021 } from './021-secrets-and-audit-head.js';
import { migration022 } from './022-sales-reports.js';
import { migration023 } from './023-stock-receipts.js';
import { migration025 } from './025-day-summary-print.js';
import { migration026 } from './026-shop-documents.js';
import { migration028 } from './028-devices.js';
import { migration030 } from './030-device-cook-login.js';
import { migration031 } from './031-catalog-versions.js';
import { migration032 } from './032-webhook-queue.js';
import { migration035 } from './035-request-replies-age.js';
import type { Migration } from './migration.js';

/** Every migration, in order. A new one gets the next number, its own file and its own test. */
export const MIGRATIONS: readonly Migration[] = [migration001, migration002, migration003, migration004, migration005, migration006, migration007, migration008, migration010, migration013, migration016, migration021, migration022, migration023, migration025, migration026, migration028, migration030, migration031, migration032, migration035];

export const latestSchemaVersion = (migrations: readonly Migration[] = MIGRATIONS): number =>
  migrations.reduce((max, m) => Math.max(max, m.version), 0);

export class DatabaseTooNewError extends Error {
  constructor(
    readonly found: number,
    readonly supported: number,
  ) {
    super(
      `Este banco de dados foi gravado por uma versão mais nova do Balcão (esquema ${found}; esta versão conhece até ${supported}). ` +
        'Atualize o Balcão neste computador. O arquivo não foi alterado.',
    );
    this.name = 'DatabaseTooNewError';
  }
}

export const schemaVersion = (db: Db): number => db.pragma('user_version', { simple: true }) as number;

/** Brings the schema up to date, one migration per transaction. Refuses a database from a newer version. */
export function runMigrations(db: Db, migrations: readonly Migration[] = MIGRATIONS): number[] {
  const latest = latestSchemaVersion(migrations);
  const current = schemaVersion(db);
  if (current > latest) throw new DatabaseTooNewError(current, latest);
  const applied: number[] = [];
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
    migration.afterCommit?.(db);
    applied.push(migration.version);
  }
  return applied;
}
