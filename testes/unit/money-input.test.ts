import { describe, expect, it } from 'vitest';
import { moneyInputProblem, parseMoneyInput } from '../../renderer/src/format.js';

describe('parseMoneyInput', () => {
  it('reads what a Brazilian cashier types into integer centavos', () => {
    expect(parseMoneyInput('12,50')).toBe(1250);
    expect(parseMoneyInput('1.234,56')).toBe(123456);
    expect(parseMoneyInput('123.456,7')).toBe(12345670);
    expect(parseMoneyInput('12')).toBe(1200);
    expect(parseMoneyInput('12,5')).toBe(1250);
    expect(parseMoneyInput('12,')).toBe(1200);
    expect(parseMoneyInput('0,05')).toBe(5);
    expect(parseMoneyInput('0')).toBe(0);
  });

  it('accepts "R$", spaces and the non-breaking space Intl writes', () => {
    expect(parseMoneyInput('R$ 7,00')).toBe(700);
    expect(parseMoneyInput(' R$\u00a01.000,00 ')).toBe(100000);
  });

  it('takes a dot with one or two decimals as the numpad decimal point, and groups of three as thousands', () => {
    expect(parseMoneyInput('12.5')).toBe(1250);
    expect(parseMoneyInput('12.50')).toBe(1250);
    expect(parseMoneyInput('1.234')).toBe(123400);
    // A comma is always the decimal separator, so English thousands are not an amount.
    expect(parseMoneyInput('1,234.56')).toBeNull();
  });

  it('never goes through a float', () => {
    // 0.1 + 0.2 style traps: 1,10 and 2,20 and 19,99 are exact.
    expect(parseMoneyInput('1,10')).toBe(110);
    expect(parseMoneyInput('19,99')).toBe(1999);
    expect(parseMoneyInput('4.294.967,29')).toBe(429496729 > 100_000_000 ? null : 429496729);
  });

  it('refuses what is not an amount', () => {
    for (const text of ['', ' ', 'abc', '12,345', '1.23.4', '1,2,3', '12..5', ',50', '1.2345', '12,50 reais', '--5', '1e3', 'R$']) {
      expect(parseMoneyInput(text), text).toBeNull();
    }
  });

  it('refuses negatives unless asked, and amounts above the limit', () => {
    expect(parseMoneyInput('-5,00')).toBeNull();
    expect(parseMoneyInput('-5,00', { allowNegative: true })).toBe(-500);
    expect(parseMoneyInput('−1,50', { allowNegative: true })).toBe(-150);
    expect(parseMoneyInput('1.000.000,00')).toBe(100_000_000);
    expect(parseMoneyInput('1.000.000,01')).toBeNull();
    expect(parseMoneyInput('99999999999999')).toBeNull();
    expect(parseMoneyInput('25,00', { max: 2000 })).toBeNull();
  });
});

describe('moneyInputProblem', () => {
  it('says what is wrong with a price: missing, negative, above the maximum, or not an amount', () => {
    expect(moneyInputProblem('18,00')).toBeNull();
    expect(moneyInputProblem('  ')).toBe('empty');
    expect(moneyInputProblem('-5,00')).toBe('negative');
    expect(moneyInputProblem('−5')).toBe('negative');
    expect(moneyInputProblem('99999999,00')).toBe('tooBig');
    expect(moneyInputProblem('1.000.000,01')).toBe('tooBig');
    expect(moneyInputProblem('1.000.000,00')).toBeNull();
    expect(moneyInputProblem('dezoito')).toBe('invalid');
  });
});
