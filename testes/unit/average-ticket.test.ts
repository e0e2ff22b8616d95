import { describe, expect, it } from 'vitest';
import { averageOf } from '../../src/utils/money.js';

describe('the average ticket', () => {
  it('is whole centavos, half up, and 0 when nothing was sold', () => {
    expect(averageOf(2680, 2)).toBe(1340);
    expect(averageOf(1001, 2)).toBe(501); // 5,005 → 5,01
    expect(averageOf(1000, 3)).toBe(333); // 3,3333…
    expect(averageOf(2000, 3)).toBe(667); // 6,6666…
    expect(averageOf(0, 0)).toBe(0);
  });
});
