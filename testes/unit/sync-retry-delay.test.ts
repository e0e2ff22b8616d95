import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { retryDelay } from '../../src/sync/sync-worker.js';

describe('retryDelay', () => {
  it('doubles from 1 s up to the ceiling, with half of it random', () => {
    expect([1, 2, 3, 4, 7, 20].map((n) => retryDelay(n, () => 0, 60_000))).toEqual([500, 1000, 2000, 4000, 30_000, 30_000]);
    expect([1, 2, 3, 4, 7, 20].map((n) => retryDelay(n, () => 1, 60_000))).toEqual([1000, 2000, 4000, 8000, 60_000, 60_000]);
  });

  it('always waits between half the step and the step, never past the ceiling', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), fc.integer({ min: 1000, max: 600_000 }), (failures, r, max) => {
        const delay = retryDelay(failures, () => r, max);
        const step = Math.min(max, 1000 * 2 ** Math.min(failures - 1, 16));
        expect(delay).toBeGreaterThanOrEqual(step / 2 - 1);
        expect(delay).toBeLessThanOrEqual(step);
      }),
    );
  });
});
