import { APP_ENTRY_URL } from './security.js';

/**
 * Where the desktop app puts the customer's display, as a pure rule (tested under plain Node): on a
 * monitor other than the main one, when the admin turned "Display do cliente nesta tela" on. This
 * module never imports `electron` at runtime.
 */

/** The customer's display route of the renderer (renderer/src/display/displaySession.ts). */
export const CUSTOMER_DISPLAY_URL = `${APP_ENTRY_URL}#/cliente`;

export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Monitor {
  id: number;
  bounds: Bounds;
}

/**
 * The bounds of the monitor that faces the customer, or null to have no such window: the switch is off,
 * or there is only the cashier's monitor. With several others, the one nearest the main monitor's right
 * (then the lowest id), so the choice does not change from one start to the next.
 */
export function customerMonitorBounds(monitors: readonly Monitor[], mainId: number, enabled: boolean): Bounds | null {
  if (!enabled) return null;
  const others = monitors.filter((monitor) => monitor.id !== mainId && monitor.bounds.width > 0 && monitor.bounds.height > 0);
  if (others.length === 0) return null;
  const main = monitors.find((monitor) => monitor.id === mainId)?.bounds;
  const rightEdge = main ? main.x + main.width : 0;
  const distance = (bounds: Bounds) => Math.abs(bounds.x - rightEdge) + Math.abs(bounds.y - (main?.y ?? 0));
  const chosen = [...others].sort((a, b) => distance(a.bounds) - distance(b.bounds) || a.id - b.id)[0]!;
  return { ...chosen.bounds };
}
