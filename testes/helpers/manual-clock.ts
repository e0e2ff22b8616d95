import type { Clock } from '../../src/utils/clock.js';

/** A clock the test moves by hand: lockouts, idle locks and expiries without waiting. */
export class ManualClock implements Clock {
  constructor(private time = Date.UTC(2026, 10, 29, 15, 0, 0)) {}
  now(): number {
    return this.time;
  }
  advance(ms: number): void {
    this.time += ms;
  }
  advanceMinutes(minutes: number): void {
    this.advance(minutes * 60_000);
  }
}
