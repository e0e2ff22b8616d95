import type { Db } from '../../database/connection.js';
import { findDevice } from '../../database/queries/devices.js';
import { BusinessError } from '../../exceptions/business-error.js';
import type { SessionRole } from '../../models/roles.js';
import type { PrepareContext } from '../script.js';

/** Who sells at a counter, and so tells its customer's display what to show. */
export const DISPLAY_STAFF_ROLES = ['admin', 'manager', 'cashier'] as const satisfies readonly SessionRole[];

/** The customer's display itself, and the admin choosing its slides in Configurações (who previews them). */
export const SLIDE_READER_ROLES: readonly SessionRole[] = ['customerDisplay', 'admin'];

/**
 * The terminal whose counter this display shows: the one it was paired to, or this computer's for the
 * window opened here. A display paired to another terminal (its row came with the shop's data) reads nothing here.
 */
export function displayTerminal(tx: Db, ctx: Pick<PrepareContext, 'session' | 'terminal'>): string {
  const session = ctx.session;
  const terminalId = session?.customerDisplay?.terminalId ?? (session?.device ? findDevice(tx, session.device.id)?.terminalId : undefined);
  if (!terminalId || terminalId !== ctx.terminal.id) throw new BusinessError('FORBIDDEN', 'Esta tela do cliente é de outro caixa.');
  return terminalId;
}
