import { describe, expect, it } from 'vitest';
import { compareNames as screenCompareNames } from '../../renderer/src/format.js';
import { compareNames } from '../../src/utils/text.js';

describe('compareNames', () => {
  it.each([
    ['core', compareNames],
    ['screens', screenCompareNames],
  ])('sorts names as a Brazilian reads them (%s)', (_, compare) => {
    expect(['Zebra', 'Água', 'abacate', 'Éclair', 'Banana', 'Lanche 10', 'Lanche 2'].sort(compare)).toEqual(['abacate', 'Água', 'Banana', 'Éclair', 'Lanche 2', 'Lanche 10', 'Zebra']);
    // Case and accents only break ties, so equal-looking names keep one order on every terminal.
    expect(['Água', 'agua', 'água', 'Agua'].sort(compare)).toEqual(['agua', 'Agua', 'água', 'Água']);
  });
});
