import { describe, expect, it } from 'vitest';
import { overrides } from '../../src/sync/merge.js';
import { formatHlc } from '../../src/utils/hlc.js';

const stamp = (wall: number, counter: number, node: string) => formatHlc({ wall, counter, node });

describe('last writer wins by HLC', () => {
  it('a later wall time wins, an older one loses, whatever the terminals', () => {
    expect(overrides(stamp(2_000, 0, 'A'), stamp(1_000, 9, 'Z'))).toBe(true);
    expect(overrides(stamp(1_000, 9, 'Z'), stamp(2_000, 0, 'A'))).toBe(false);
  });

  it('at the same wall time the higher counter wins', () => {
    expect(overrides(stamp(1_000, 2, 'A'), stamp(1_000, 1, 'B'))).toBe(true);
    expect(overrides(stamp(1_000, 1, 'B'), stamp(1_000, 2, 'A'))).toBe(false);
  });

  it('a true tie goes to the higher terminal id, the same answer on every terminal', () => {
    const a = stamp(1_000, 0, '01a23480-0000-7000-8000-00000000000a');
    const b = stamp(1_000, 0, '01a23480-0000-7000-8000-00000000000b');
    expect(overrides(b, a)).toBe(true);
    expect(overrides(a, b)).toBe(false);
  });

  it('the same stamp again is the same write, and a field never written takes any stamp', () => {
    expect(overrides(stamp(1_000, 0, 'A'), stamp(1_000, 0, 'A'))).toBe(false);
    expect(overrides(stamp(1, 0, 'A'), undefined)).toBe(true);
  });

  it('counters compare as numbers, not as text', () => {
    expect(overrides(stamp(1_000, 10, 'A'), stamp(1_000, 9, 'A'))).toBe(true);
  });
});
