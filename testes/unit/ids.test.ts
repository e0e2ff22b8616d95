import fc from 'fast-check';
import { v7 as uuidv7, validate, version } from 'uuid';
import { describe, expect, it } from 'vitest';
import { newId, uuidV7 } from '../../src/utils/ids.js';

describe('ids', () => {
  it('lays a UUIDv7 out exactly as the uuid package does, for any time, counter and random bytes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 48 - 1 }), fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), fc.uint8Array({ minLength: 16, maxLength: 16 }), (msecs, seq, random) => {
        expect(uuidV7(msecs, seq, random)).toBe(uuidv7({ random, msecs, seq }));
      }),
      { numRuns: 2000 },
    );
  });

  it('reads the random bytes where it is told to', () => {
    const random = new Uint8Array(48).map((_, i) => i * 5);
    expect(uuidV7(1_764_000_000_000, 12345, random, 32)).toBe(uuidv7({ random: random.subarray(32), msecs: 1_764_000_000_000, seq: 12345 }));
  });

  it('makes valid version-7 ids that sort in the order they were made, also within a millisecond, and never repeat', () => {
    const ids = Array.from({ length: 20_000 }, () => newId());
    for (const id of ids.slice(0, 200)) {
      expect(validate(id)).toBe(true);
      expect(version(id)).toBe(7);
    }
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
