import type { SessionRole } from '../../models/roles.js';

/** Reports show the shop's takings, costs and margins: for the manager and the owner only. */
export const REPORT_READERS: readonly SessionRole[] = ['admin', 'manager'];
