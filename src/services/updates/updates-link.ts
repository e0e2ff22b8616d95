import { BusinessError } from '../../exceptions/business-error.js';
import type { UpdateControl } from '../../updates/updater.js';
import type { PrepareContext } from '../script.js';

/** This terminal's updater; every app has one, only hand-built dispatchers in some tests lack it. */
export function requireUpdates(ctx: Pick<PrepareContext, 'updates'>): UpdateControl {
  if (!ctx.updates) throw new BusinessError('INVALID_STATE', 'As atualizações não estão disponíveis neste terminal.');
  return ctx.updates;
}
