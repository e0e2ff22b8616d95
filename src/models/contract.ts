import type { z } from 'zod';
import { syncOperations, type SyncStatus } from './sync.js';
import { auditOperations } from './audit.js';
import { backupsOperations, type BackupReason } from './backups.js';
import { boardOperations } from './board.js';
import { cashOperations } from './cash.js';
import { chainOperations } from './chain.js';
import { dashboardOperations } from './dashboard.js';
import { devicesOperations } from './devices.js';
import { displayOperations } from './display.js';
import { catalogOperations } from './catalog.js';
import { kitchenOperations } from './kitchen.js';
import { ordersOperations } from './orders.js';
import { printingOperations } from './printing.js';
import { reportsOperations } from './reports.js';
import { stockOperations } from './stock.js';
import { webhooksOperations } from './webhooks.js';
import { feedbackOperations } from './feedback.js';
import { authOperations } from './auth.js';
import { settingsOperations } from './settings.js';
import { setupOperations } from './setup.js';
import { recoveryOperations } from './recovery.js';
import { systemOperations } from './system.js';
import { usersOperations } from './users.js';
import { updatesOperations } from './updates.js';

/**
 * The public contract: every operation the bridge accepts, merged from one table per area.
 * It holds only schemas (no Node), so the renderer can share its types.
 */
export const operations = {
  ...setupOperations,
  ...recoveryOperations,
  ...authOperations,
  ...usersOperations,
  ...auditOperations,
  ...settingsOperations,
  ...systemOperations,
  ...catalogOperations,
  ...ordersOperations,
  ...cashOperations,
  ...kitchenOperations,
  ...boardOperations,
  ...devicesOperations,
  ...displayOperations,
  ...printingOperations,
  ...stockOperations,
  ...webhooksOperations,
  ...feedbackOperations,
  ...syncOperations,
  ...reportsOperations,
  ...chainOperations,
  ...dashboardOperations,
  ...backupsOperations,
  ...updatesOperations,
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
  'catalog.changed': { productId?: string };
  'orders.changed': { orderId: string; number: string; status: string };
  'kitchen.changed': { orderId: string; ticketId?: string };
  'cash.changed': { sessionId: string };
  'printing.changed': { jobId: string; status: string; error?: string };
  'stock.low': { itemId: string; name: string; onHand: number; minimum: number };
  'stock.changed': { itemIds: string[] };
  'recipes.changed': { productId?: string; optionId?: string };
  'webhooks.queued': Record<string, never>;
  'webhooks.changed': { endpointId: string };
  'webhooks.delivery': { deliveryId: string; status: string };
  'feedback.received': { feedbackId: string; orderNumber: string; rating: number };
  'feedback.alert': { feedbackId: string; orderNumber: string; rating: number; comment: string | null };
  'feedback.prompt': { orderId: string; number: string };
  'sync.status': SyncStatus;
  /** A copy of the database in progress: pages copied out of the total. */
  'backups.progress': { reason: BackupReason; done: number; total: number };
  /** A copy was listed (`file`) or failed (`error`). */
  'backups.changed': { file: string | null; error?: string };
  /** A device was paired or revoked (a revoked one's live channel closes on it). */
  'devices.changed': { deviceId: string };
  /** What a counter's customer sees changed: only that terminal's display hears it, then reads `display.current`. */
  'display.changed': { terminalId: string; version: number };
  /** The admin changed this computer's customer display (the desktop app opens or closes its window). */
  'display.configured': { secondWindow: boolean };
}
export type LiveEventName = keyof LiveEvents;
