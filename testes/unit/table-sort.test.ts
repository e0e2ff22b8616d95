import { describe, expect, it } from 'vitest';
import { compareSortValues, nextSort, sortRows } from '../../renderer/src/components/table-sort.js';

describe('table sort', () => {
  it('orders text as a Brazilian reads it and numbers by size, not as text', () => {
    expect(['Lanche 10', 'Água', 'banana', 'Lanche 2', 'abacate'].sort(compareSortValues)).toEqual(['abacate', 'Água', 'banana', 'Lanche 2', 'Lanche 10']);
    expect([100, 9, -5, 20].sort(compareSortValues)).toEqual([-5, 9, 20, 100]);
  });

  it('puts empty cells last in both directions', () => {
    const rows = [{ v: null }, { v: 3 }, { v: undefined }, { v: 1 }, { v: '' }, { v: 2 }];
    const up = sortRows(rows, (r) => r.v, 'ascending').map((r) => r.v);
    const down = sortRows(rows, (r) => r.v, 'descending').map((r) => r.v);
    expect(up.slice(0, 3)).toEqual([1, 2, 3]);
    expect(down.slice(0, 3)).toEqual([3, 2, 1]);
    for (const order of [up, down]) expect(order.slice(3).every((v) => v === null || v === undefined || v === '')).toBe(true);
  });

  it('keeps tied rows in the order they came, either direction', () => {
    const rows = [
      { name: 'b', group: 1 },
      { name: 'a', group: 2 },
      { name: 'c', group: 1 },
      { name: 'd', group: 2 },
    ];
    expect(sortRows(rows, (r) => r.group, 'ascending').map((r) => r.name)).toEqual(['b', 'c', 'a', 'd']);
    expect(sortRows(rows, (r) => r.group, 'descending').map((r) => r.name)).toEqual(['a', 'd', 'b', 'c']);
  });

  it('does not reorder the rows it was given', () => {
    const rows = [3, 1, 2];
    sortRows(rows, (r) => r, 'ascending');
    expect(rows).toEqual([3, 1, 2]);
  });

  it('a click sorts ascending; again on the same column flips it; another column starts ascending', () => {
    const first = nextSort(null, 'price');
    expect(first).toEqual({ key: 'price', direction: 'ascending' });
    const second = nextSort(first, 'price');
    expect(second).toEqual({ key: 'price', direction: 'descending' });
    expect(nextSort(second, 'price')).toEqual({ key: 'price', direction: 'ascending' });
    expect(nextSort(second, 'name')).toEqual({ key: 'name', direction: 'ascending' });
  });
});
