/** How many tickets a number key can pick. */
export const KEY_COUNT = 9;

/**
 * Keys 1–9 for the tickets on screen. A ticket keeps its key for as long as it is on screen, so a cook
 * pressing "2" never hits another order because one left; a new ticket takes the lowest free key.
 */
export function assignKeys(previous: ReadonlyMap<string, number>, ticketIds: readonly string[]): Map<string, number> {
  const keys = new Map<string, number>();
  for (const id of ticketIds) {
    const key = previous.get(id);
    if (key !== undefined) keys.set(id, key);
  }
  const taken = new Set(keys.values());
  let free = 1;
  for (const id of ticketIds) {
    if (keys.has(id)) continue;
    while (taken.has(free)) free += 1;
    if (free > KEY_COUNT) break;
    keys.set(id, free);
    taken.add(free);
  }
  return keys;
}
