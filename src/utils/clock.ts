/** The source of time for the core, so tests can move it (lockouts, idle lock, override expiry). */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };
