/**
 * Stock quantities on the screen. The core keeps every quantity as an integer in THOUSANDTHS of the
 * item's base unit (un, g or ml): 1,5 un = 1500, 250 g = 250000, 2 L = 2000000. These helpers turn what
 * a person types into that integer and back, never through a float, and convert purchase units
 * ("1 cx = 12 un" → factor 12000). Pure TypeScript: no DOM, no React, no i18next (tested under Node).
 */

export type BaseUnit = 'un' | 'g' | 'ml';
export const BASE_UNITS: readonly BaseUnit[] = ['un', 'g', 'ml'];

/** Thousandths in one whole base unit. */
export const ONE = 1000;
/** Largest quantity the core takes (thousandths). */
export const MAX_QUANTITY = 1_000_000_000_000;

export interface ParseOptions {
  /** Accept "-20" / "−20" (a modifier that removes an ingredient). */
  allowNegative?: boolean;
  /** Accept "0" (a count of an empty shelf). */
  allowZero?: boolean;
  /** Largest absolute value, in thousandths. */
  max?: number;
}

/**
 * What a person types as a quantity, in thousandths: "1,5" → 1500, "250" → 250000, "0,001" → 1,
 * "1.234,5" → 1234500 (dots in groups of three are thousands), "1.5" → 1500 and "0.250" → 250 (a dot
 * followed by one to three digits, or after a lone 0, is the numpad's decimal point). At most three
 * decimals. Null when empty, not a number, zero (unless allowZero), negative (unless allowNegative) or
 * too big.
 */
export function parseQuantity(text: string, { allowNegative = false, allowZero = false, max = MAX_QUANTITY }: ParseOptions = {}): number | null {
  let clean = text.replace(/[\s\u00a0]/g, '');
  let sign = 1;
  if (/^[-\u2212]/.test(clean)) {
    if (!allowNegative) return null;
    sign = -1;
    clean = clean.slice(1);
  } else if (clean.startsWith('+')) clean = clean.slice(1);
  let whole: string;
  let fraction = '';
  const grouped = /^([1-9]\d{0,2}(?:\.\d{3})+)(?:,(\d{0,3}))?$/.exec(clean);
  const comma = /^(\d+)(?:,(\d{0,3}))?$/.exec(clean);
  const dot = /^(\d+)\.(\d{1,3})$/.exec(clean);
  if (grouped) {
    whole = grouped[1]!.replace(/\./g, '');
    fraction = grouped[2] ?? '';
  } else if (comma) {
    whole = comma[1]!;
    fraction = comma[2] ?? '';
  } else if (dot) {
    whole = dot[1]!;
    fraction = dot[2]!;
  } else return null;
  if (whole.replace(/^0+/, '').length > 10) return null;
  const thousandths = Number(whole) * ONE + Number(fraction.padEnd(3, '0'));
  if (!Number.isSafeInteger(thousandths) || thousandths > max) return null;
  if (thousandths === 0) return allowZero ? 0 : null;
  return sign * thousandths;
}

/** "1,5" / "1.5": the decimal separator of a locale ("pt-BR" or "en-US"). */
const separatorOf = (locale: string) => (locale.startsWith('en') ? '.' : ',');

/** Thousandths as a plain decimal with up to three places and no grouping: 1500 → "1,5", 250000 → "250". For edit fields. */
export function quantityInput(thousandths: number, locale = 'pt-BR'): string {
  const sign = thousandths < 0 ? '-' : '';
  const abs = Math.abs(thousandths);
  const fraction = String(abs % ONE).padStart(3, '0').replace(/0+$/, '');
  return `${sign}${Math.floor(abs / ONE)}${fraction ? separatorOf(locale) + fraction : ''}`;
}

/** Thousandths as a grouped decimal: 1234500 → "1.234,5" (pt-BR) or "1,234.5" (en-US). */
export function formatDecimal(thousandths: number, locale = 'pt-BR'): string {
  const sign = thousandths < 0 ? '-' : '';
  const abs = Math.abs(thousandths);
  const whole = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(Math.floor(abs / ONE));
  const fraction = String(abs % ONE).padStart(3, '0').replace(/0+$/, '');
  return `${sign}${whole}${fraction ? separatorOf(locale) + fraction : ''}`;
}

/** The bigger unit a quantity is shown in once it reaches 1000 of the base unit. */
const BIG_UNIT: Partial<Record<BaseUnit, string>> = { g: 'kg', ml: 'L' };

/**
 * A quantity for reading, in its unit: 12000 un → "12 un", 1500 un → "1,5 un", 250000 g → "250 g",
 * 1500000 g → "1,5 kg", 2000000 ml → "2 L". Grams and millilitres turn into kg and L from 1000 on, as
 * long as that stays exact (whole grams); "1.234,567 g" stays in grams rather than lose a digit.
 */
export function formatQuantity(thousandths: number, baseUnit: BaseUnit, locale = 'pt-BR'): string {
  const big = BIG_UNIT[baseUnit];
  const abs = Math.abs(thousandths);
  if (big && abs >= 1_000_000 && abs % ONE === 0) return `${formatDecimal(thousandths / ONE, locale)} ${big}`;
  return `${formatDecimal(thousandths, locale)} ${baseUnit}`;
}

/** The same with an explicit sign: "+12 un", "-150 g" (ledger rows). */
export function formatSignedQuantity(thousandths: number, baseUnit: BaseUnit, locale = 'pt-BR'): string {
  return `${thousandths > 0 ? '+' : ''}${formatQuantity(thousandths, baseUnit, locale)}`;
}

/** a × b / c rounded half away from zero, exact past 2^53 (the core's rounding rule). */
export function mulDivRound(a: number, b: number, c: number): number {
  const n = BigInt(a) * BigInt(b);
  const d = BigInt(c);
  const q = n / d;
  const r = n % d;
  const sign = n < 0n !== d < 0n ? -1n : 1n;
  return Number(2n * (r < 0n ? -r : r) >= (d < 0n ? -d : d) ? q + sign : q);
}

export interface PurchaseUnit {
  name: string;
  /** Thousandths of the base unit in one of this unit: 1 cx = 12 un → 12000. */
  factor: number;
}

/** Thousandths of the base unit in one of `unit` (a purchase unit's name, or '' / the base unit itself → 1000). */
export function factorOf(units: readonly PurchaseUnit[], unit: string | null | undefined, baseUnit: BaseUnit): number | null {
  if (!unit || unit === baseUnit) return ONE;
  return units.find((u) => u.name === unit)?.factor ?? null;
}

/** A quantity in a purchase unit (thousandths of that unit) in thousandths of the base unit: 2 cx (2000) × 12000 → 24000 (24 un). */
export const toBase = (quantity: number, factor: number): number => mulDivRound(quantity, factor, ONE);

/** What a receipt line costs: quantity (thousandths of its unit) × unit cost (centavos per unit), as the core rounds it. */
export const lineValue = (quantity: number, unitCost: number): number => mulDivRound(quantity, unitCost, ONE);

/**
 * The factor of a purchase unit from "how many base units it holds": "12" (un in a cx) → 12000,
 * "1000" (g in a kg) → 1000000, "0,5" → 500. Null when it is not a positive quantity.
 */
export const factorFromText = (baseUnits: string): number | null => parseQuantity(baseUnits);

/**
 * "1 cx = 12 un", "cx = 12", "1 kg = 1000 g", "fardo=12" → { name, factor }. The unit after the number,
 * when written, must be the item's base unit. Null when the line does not read as a unit.
 */
export function parseUnitLine(text: string, baseUnit: BaseUnit): PurchaseUnit | null {
  const match = /^\s*(?:1\s+)?([^=]*?)\s*=\s*([\d.,]+)\s*([\p{L}]*)\s*$/u.exec(text);
  if (!match) return null;
  const name = match[1]!.trim();
  const written = match[3]!.toLowerCase();
  if (!name || name.length > 20) return null;
  if (written && written !== baseUnit) return null;
  const factor = factorFromText(match[2]!);
  return factor === null ? null : { name, factor };
}

/** "1 cx = 12 un" from a unit and its item's base unit. */
export function describeUnit(unit: PurchaseUnit, baseUnit: BaseUnit, locale = 'pt-BR'): string {
  return `1 ${unit.name} = ${formatDecimal(unit.factor, locale)} ${baseUnit}`;
}

/** The unit a price per unit of stock is shown in: R$/kg for grams, R$/L for millilitres, R$/un. */
export const priceUnit = (baseUnit: BaseUnit): string => BIG_UNIT[baseUnit] ?? baseUnit;

/**
 * The average cost of what is on hand per readable unit (centavos per kg, L or un), from the stock's
 * value and quantity; null when nothing is on hand.
 */
export function averagePerUnit(value: number, onHand: number, baseUnit: BaseUnit): number | null {
  if (onHand <= 0) return null;
  return mulDivRound(value, baseUnit === 'un' ? ONE : 1_000_000, onHand);
}

/** Cost of `quantity` (thousandths) at the average of the stock (value over onHand); 0 without stock. */
export function costAtAverage(value: number, onHand: number, quantity: number): number {
  return onHand > 0 ? mulDivRound(value, quantity, onHand) : 0;
}
