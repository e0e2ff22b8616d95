import { defineScript } from '../script.js';
import { DISPLAY_STAFF_ROLES } from './display-rules.js';

/**
 * The customer's display on this computer (the second monitor's window, or a second browser window on
 * loopback) gets its own session, that reads this terminal's display and nothing else; the staff token
 * never reaches the window the customer faces.
 */
export default defineScript('display.openScreen', {
  roles: DISPLAY_STAFF_ROLES,
  run(_tx, _input, ctx) {
    const session = ctx.sessions.openCustomerDisplay(ctx.actor!.id, ctx.terminal.id);
    return { token: session.token };
  },
});
