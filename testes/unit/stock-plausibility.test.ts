import { describe, expect, it } from 'vitest';
import { needsConfirmation, PLAUSIBLE_MULTIPLE } from '../../src/services/stock/plausible-quantity.js';
import { LEDGER_LIMIT, withinLedgerLimit } from '../../src/services/stock-ledger.js';

describe('plausible stock quantities', () => {
  it('asks above ten times the larger of the stock on hand and the largest receipt', () => {
    expect(PLAUSIBLE_MULTIPLE).toBe(10);
    expect(needsConfirmation(240_000, { onHand: 24_000, largestReceipt: 0 })).toBe(false);
    expect(needsConfirmation(240_001, { onHand: 24_000, largestReceipt: 0 })).toBe(true);
    expect(needsConfirmation(240_001, { onHand: 0, largestReceipt: 24_001 })).toBe(false);
    expect(needsConfirmation(999_999_999_000, { onHand: -5000, largestReceipt: 24_000 })).toBe(true);
  });

  it('does not ask when nothing is known of the item yet', () => {
    expect(needsConfirmation(999_999_999_000, { onHand: 0, largestReceipt: 0 })).toBe(false);
    expect(needsConfirmation(5000, { onHand: -3000, largestReceipt: 0 })).toBe(false);
  });
});

describe('the ledger limit', () => {
  it('keeps every figure within 10^12, so 9.000 of them still sum exactly', () => {
    const level = { quantity: 0, value: 0, rateValue: 0, rateQuantity: 0 };
    expect(withinLedgerLimit(LEDGER_LIMIT, -LEDGER_LIMIT, { ...level, quantity: LEDGER_LIMIT, value: -LEDGER_LIMIT })).toBe(true);
    expect(withinLedgerLimit(1, LEDGER_LIMIT + 1, level)).toBe(false);
    expect(withinLedgerLimit(1, 1, { ...level, quantity: -LEDGER_LIMIT - 1 })).toBe(false);
    expect(Number.isSafeInteger(9000 * LEDGER_LIMIT)).toBe(true);
  });
});
