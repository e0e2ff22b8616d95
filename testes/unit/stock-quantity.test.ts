import { describe, expect, it } from 'vitest';
import {
  averagePerUnit,
  costAtAverage,
  describeUnit,
  factorFromText,
  factorOf,
  formatDecimal,
  formatQuantity,
  formatSignedQuantity,
  lineValue,
  mulDivRound,
  parseQuantity,
  parseUnitLine,
  quantityInput,
  toBase,
} from '../../renderer/src/stock/quantity.js';
import { isoToDateInput, maskDate, parseDateInput } from '../../renderer/src/stock/dates.js';

describe('parseQuantity', () => {
  it('reads what the stockroom types into thousandths of the unit', () => {
    expect(parseQuantity('1,5')).toBe(1500);
    expect(parseQuantity('250')).toBe(250_000);
    expect(parseQuantity('0,001')).toBe(1);
    expect(parseQuantity('0,25')).toBe(250);
    expect(parseQuantity('12,')).toBe(12_000);
    expect(parseQuantity(' 2 ')).toBe(2000);
    expect(parseQuantity('+30')).toBe(30_000);
  });

  it('takes dots in groups of three as thousands and a short dot as the numpad decimal point', () => {
    expect(parseQuantity('1.234,5')).toBe(1_234_500);
    expect(parseQuantity('1.000.000')).toBe(1_000_000_000);
    expect(parseQuantity('1.5')).toBe(1500);
    expect(parseQuantity('1.25')).toBe(1250);
    expect(parseQuantity('1.500')).toBe(1_500_000);
    expect(parseQuantity('0.250')).toBe(250);
  });

  it('refuses what is not a quantity, more than three decimals, zero and negatives unless asked', () => {
    for (const bad of ['', ' ', 'abc', '1,2345', '1,2,3', '1.2.3', ',5', '1e3', '12 kg', 'NaN']) expect(parseQuantity(bad)).toBeNull();
    expect(parseQuantity('0')).toBeNull();
    expect(parseQuantity('0', { allowZero: true })).toBe(0);
    expect(parseQuantity('-20')).toBeNull();
    expect(parseQuantity('-20', { allowNegative: true })).toBe(-20_000);
    expect(parseQuantity('\u221220', { allowNegative: true })).toBe(-20_000);
    expect(parseQuantity('2000000000')).toBeNull();
    expect(parseQuantity('5', { max: 4000 })).toBeNull();
  });

  it('never goes through a float', () => {
    // 0,1 + 0,2 style traps stay exact.
    expect(parseQuantity('0,3')).toBe(300);
    expect(parseQuantity('1,005')).toBe(1005);
    expect(parseQuantity('4,35')).toBe(4350);
    expect(parseQuantity('999999999,999')).toBe(999_999_999_999);
  });
});

describe('formatQuantity', () => {
  it('shows a quantity in its unit, kg and L from 1000 g or ml on', () => {
    expect(formatQuantity(12_000, 'un')).toBe('12 un');
    expect(formatQuantity(1500, 'un')).toBe('1,5 un');
    expect(formatQuantity(250_000, 'g')).toBe('250 g');
    expect(formatQuantity(999_000, 'g')).toBe('999 g');
    expect(formatQuantity(1_000_000, 'g')).toBe('1 kg');
    expect(formatQuantity(1_500_000, 'g')).toBe('1,5 kg');
    expect(formatQuantity(1_410_000, 'g')).toBe('1,41 kg');
    expect(formatQuantity(2_000_000, 'ml')).toBe('2 L');
    expect(formatQuantity(350_000, 'ml')).toBe('350 ml');
    expect(formatQuantity(0, 'g')).toBe('0 g');
  });

  it('keeps every digit: a fraction of a gram stays in grams', () => {
    expect(formatQuantity(1_234_567, 'g')).toBe('1.234,567 g');
    expect(formatQuantity(1_234_000_000, 'g')).toBe('1.234 kg');
    expect(formatQuantity(1, 'un')).toBe('0,001 un');
  });

  it('shows negative stock and signed ledger quantities', () => {
    expect(formatQuantity(-2000, 'un')).toBe('-2 un');
    expect(formatQuantity(-1_500_000, 'g')).toBe('-1,5 kg');
    expect(formatSignedQuantity(24_000, 'un')).toBe('+24 un');
    expect(formatSignedQuantity(-150_000, 'g')).toBe('-150 g');
    expect(formatSignedQuantity(0, 'un')).toBe('0 un');
  });

  it('speaks English numbers in English', () => {
    expect(formatQuantity(1_500_000, 'g', 'en-US')).toBe('1.5 kg');
    expect(formatDecimal(1_234_500, 'en-US')).toBe('1,234.5');
    expect(quantityInput(1500, 'en-US')).toBe('1.5');
  });
});

describe('edit fields and purchase units', () => {
  it('gives a quantity back as it is typed', () => {
    expect(quantityInput(1500)).toBe('1,5');
    expect(quantityInput(250_000)).toBe('250');
    expect(quantityInput(1_234_500)).toBe('1234,5');
    expect(quantityInput(-20_000)).toBe('-20');
    for (const value of [1, 999, 1000, 1001, 123_456_789]) expect(parseQuantity(quantityInput(value))).toBe(value);
  });

  it('turns "how many base units" into the factor', () => {
    expect(factorFromText('12')).toBe(12_000);
    expect(factorFromText('1000')).toBe(1_000_000);
    expect(factorFromText('0,5')).toBe(500);
    expect(factorFromText('0')).toBeNull();
  });

  it('reads "1 cx = 12 un" lines', () => {
    expect(parseUnitLine('1 cx = 12 un', 'un')).toEqual({ name: 'cx', factor: 12_000 });
    expect(parseUnitLine('cx=12', 'un')).toEqual({ name: 'cx', factor: 12_000 });
    expect(parseUnitLine('1 kg = 1000 g', 'g')).toEqual({ name: 'kg', factor: 1_000_000 });
    expect(parseUnitLine('1 pct 2kg = 2.000 g', 'g')).toEqual({ name: 'pct 2kg', factor: 2_000_000 });
    expect(parseUnitLine('1 galão = 5000 ml', 'ml')).toEqual({ name: 'galão', factor: 5_000_000 });
    expect(parseUnitLine('1 kg = 1000 ml', 'g')).toBeNull();
    expect(parseUnitLine('cx', 'un')).toBeNull();
    expect(parseUnitLine('= 12 un', 'un')).toBeNull();
    expect(describeUnit({ name: 'cx', factor: 12_000 }, 'un')).toBe('1 cx = 12 un');
    expect(describeUnit({ name: 'kg', factor: 1_000_000 }, 'g')).toBe('1 kg = 1.000 g');
  });

  it('converts purchase units to the base unit as the core does', () => {
    const units = [
      { name: 'pct', factor: 6000 },
      { name: 'cx', factor: 12_000 },
    ];
    expect(factorOf(units, 'cx', 'un')).toBe(12_000);
    expect(factorOf(units, '', 'un')).toBe(1000);
    expect(factorOf(units, 'un', 'un')).toBe(1000);
    expect(factorOf(units, 'fardo', 'un')).toBeNull();
    expect(toBase(2000, 12_000)).toBe(24_000); // 2 cx = 24 un
    expect(toBase(3000, 6000)).toBe(18_000); // 3 pct = 18 un
    expect(toBase(1500, 1_000_000)).toBe(1_500_000); // 1,5 kg = 1500 g
    expect(toBase(1, 333)).toBe(0); // rounds like the core (which then refuses it)
  });

  it('prices a line and an average exactly, rounding half away from zero', () => {
    expect(lineValue(2000, 4200)).toBe(8400); // 2 kg at R$ 42,00
    expect(lineValue(1500, 3800)).toBe(5700); // 1,5 kg at R$ 38,00
    expect(lineValue(333, 1000)).toBe(333);
    expect(lineValue(1, 500)).toBe(1); // 0,5 centavo rounds up
    expect(mulDivRound(-1, 500, 1000)).toBe(-1);
    expect(mulDivRound(1_000_000_000_000, 100_000_000, 1000)).toBe(100_000_000_000_000_000);
    expect(averagePerUnit(8400, 2_000_000, 'g')).toBe(4200); // R$ 42,00 / kg
    expect(averagePerUnit(6000, 24_000, 'un')).toBe(250); // R$ 2,50 / un
    expect(averagePerUnit(6000, 0, 'un')).toBeNull();
    expect(costAtAverage(6000, 24_000, -2000)).toBe(-500);
    expect(costAtAverage(8400, 2_000_000, 150_000)).toBe(630);
  });
});

describe('expiry dates typed as dd/mm/aaaa', () => {
  it('puts the slashes in as the digits come', () => {
    expect(maskDate('2')).toBe('2');
    expect(maskDate('291')).toBe('29/1');
    expect(maskDate('2911')).toBe('29/11');
    expect(maskDate('29112026')).toBe('29/11/2026');
    expect(maskDate('29/11/2026 extra 9')).toBe('29/11/2026');
  });

  it('turns a real date into the ISO date the core stores, and refuses impossible ones', () => {
    expect(parseDateInput('29/11/2026')).toBe('2026-11-29');
    expect(parseDateInput('1/2/26')).toBe('2026-02-01');
    expect(parseDateInput('29/02/2028')).toBe('2028-02-29');
    expect(parseDateInput('29/02/2027')).toBeNull();
    expect(parseDateInput('31/04/2026')).toBeNull();
    expect(parseDateInput('00/01/2026')).toBeNull();
    expect(parseDateInput('12/13/2026')).toBeNull();
    expect(parseDateInput('2026-11-29')).toBeNull();
    expect(parseDateInput('')).toBeNull();
    expect(isoToDateInput('2026-11-29')).toBe('29/11/2026');
  });
});
