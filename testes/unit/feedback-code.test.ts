import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { feedbackCode, parseFeedbackCode } from '../../src/utils/feedback-code.js';

describe('feedback code on the receipt', () => {
  it('carries the order number and day with a check digit', () => {
    const code = feedbackCode('A-042', '2026-11-29');
    expect(code).toMatch(/^A042-2911-\d$/);
    expect(parseFeedbackCode(code)).toEqual({ displayNumber: 'A-042', day: '29', month: '11' });
    expect(parseFeedbackCode(code.toLowerCase().replace(/-/g, ' '))).toEqual({ displayNumber: 'A-042', day: '29', month: '11' });
  });

  it('catches every single mistyped digit', () => {
    fc.assert(
      fc.property(fc.constantFrom(...'ABCZ'), fc.integer({ min: 1, max: 999 }), fc.integer({ min: 1, max: 28 }), fc.integer({ min: 1, max: 12 }), fc.nat(), fc.integer({ min: 1, max: 9 }), (letter, n, d, m, position, bump) => {
        const code = feedbackCode(`${letter}-${String(n).padStart(3, '0')}`, `2026-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`).replace(/-/g, '');
        const digitPositions = [...code].flatMap((c, i) => (/\d/.test(c) ? [i] : []));
        const at = digitPositions[position % digitPositions.length]!;
        const wrong = code.slice(0, at) + String((Number(code[at]) + bump) % 10) + code.slice(at + 1);
        expect(parseFeedbackCode(wrong)).toBeNull();
      }),
    );
  });
});
