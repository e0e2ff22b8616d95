import { parseHlc } from '../utils/hlc.js';

/**
 * Last writer wins: does a field written at `incoming` replace one written at `stored`? The later
 * wall time wins, then the higher counter, then (a true tie of two terminals) the higher terminal
 * id, so every terminal picks the same winner. The same stamp twice is the same write: no change.
 */
export function overrides(incoming: string, stored: string | undefined): boolean {
  if (stored === undefined) return true;
  const a = parseHlc(incoming);
  const b = parseHlc(stored);
  if (a.wall !== b.wall) return a.wall > b.wall;
  if (a.counter !== b.counter) return a.counter > b.counter;
  return a.node > b.node;
}
