import { describe, expect, it } from 'vitest';
import { assignKeys } from '../../renderer/src/kitchen/keys.js';

describe('kitchen ticket keys', () => {
  it('gives the first nine tickets keys 1–9 in queue order', () => {
    const ids = Array.from({ length: 11 }, (_, i) => `t${i + 1}`);
    const keys = assignKeys(new Map(), ids);
    expect([...keys]).toEqual(ids.slice(0, 9).map((id, i) => [id, i + 1]));
  });

  it('a ticket keeps its key while on screen; one leaving frees its key without renumbering the others', () => {
    const first = assignKeys(new Map(), ['a', 'b', 'c']);
    const afterA = assignKeys(first, ['b', 'c']);
    expect(afterA.get('b')).toBe(2);
    expect(afterA.get('c')).toBe(3);
    // The next new ticket takes the lowest free key.
    const withD = assignKeys(afterA, ['b', 'c', 'd']);
    expect([...withD]).toEqual([
      ['b', 2],
      ['c', 3],
      ['d', 1],
    ]);
  });

  it('a ticket waiting without a key gets one when a key frees up', () => {
    const ids = Array.from({ length: 10 }, (_, i) => `t${i + 1}`);
    const full = assignKeys(new Map(), ids);
    expect(full.has('t10')).toBe(false);
    const next = assignKeys(full, ids.filter((id) => id !== 't4'));
    expect(next.get('t10')).toBe(4);
    expect(next.get('t5')).toBe(5);
  });
});
