import type { z } from 'zod';
import { auditOperations } from './audit.js';
import { authOperations } from './auth.js';
import { settingsOperations } from './settings.js';
import { setupOperations } from './setup.js';
import { systemOperations } from './system.js';
import { usersOperations } from './users.js';

/**
 * The public contract: every operation the bridge accepts, merged from one table per area.
 * It holds only schemas (no Node), so the renderer can share its types.
 */
export const operations = {
  ...setupOperations,
  ...authOperations,
  ...usersOperations,
  ...auditOperations,
  ...settingsOperations,
  ...systemOperations,
};

export type Operations = typeof operations;
export type OperationName = keyof Operations;
export type OperationInput<N extends OperationName> = z.input<Operations[N]['input']>;
export type ParsedInput<N extends OperationName> = z.output<Operations[N]['input']>;
export type OperationOutput<N extends OperationName> = z.output<Operations[N]['output']>;

/** Events pushed on the live channel (`subscribe`). */
export interface LiveEvents {
  'session.locked': { userId: string };
  'users.changed': { userId: string };
}
export type LiveEventName = keyof LiveEvents;
