// The i18next singleton (set up in ./i18n): importing it here, not ./i18n, keeps this module free of
// DOM work, so its pure helpers (parseMoneyInput) run in plain Node tests too.
import i18n from 'i18next';

/** The Intl locale of the current UI language ("pt-BR" or "en-US"). */
export function currentLocale(): string {
  return i18n.language?.startsWith('en') ? 'en-US' : 'pt-BR';
}

const namesCollator = new Intl.Collator('pt-BR', { numeric: true });

/**
 * Orders names as a Brazilian reads them ("abacate", "Água", "Banana"; "Lanche 2" before "Lanche 10"), the
 * same rule the core sorts its lists with (src/utils/text.ts), which the renderer cannot import.
 */
export const compareNames = (a: string, b: string): number => namesCollator.compare(a, b);

/** Integer centavos as Brazilian reais: 123456 → "R$ 1.234,56" (pt-BR) or "R$1,234.56" (en). */
export function formatBRL(centavos: number): string {
  return new Intl.NumberFormat(currentLocale(), { style: 'currency', currency: 'BRL' }).format(centavos / 100);
}

/** Date and time in the shop's zone: "29/11/2026 16:32" (pt-BR). */
export function formatDateTime(epochMs: number, timeZone: string): string {
  return new Intl.DateTimeFormat(currentLocale(), {
    timeZone,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  })
    .format(epochMs)
    .replace(',', '');
}

/** Time of day in the shop's zone: "16:32". */
export function formatTime(epochMs: number, timeZone: string): string {
  return new Intl.DateTimeFormat(currentLocale(), { timeZone, hour: '2-digit', minute: '2-digit' }).format(epochMs);
}

/** Offset of a zone from UTC at a given instant, in ms (America/Sao_Paulo → -3 h). */
function zoneOffset(epochMs: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(epochMs);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - (epochMs - (epochMs % 1000));
}

/**
 * The instant a wall-clock time happens in a zone: ("2026-11-29", "00:00", "America/Sao_Paulo")
 * → epoch ms. Used to turn the audit's date filters into the UTC range the core stores.
 */
export function zonedTimeToEpoch(date: string, time: string, timeZone: string): number | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(time);
  if (!d || !t) return null;
  const wall = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]), Number(t[3] ?? 0));
  let guess = wall - zoneOffset(wall, timeZone);
  guess = wall - zoneOffset(guess, timeZone);
  return guess;
}

/** Largest amount a money field takes (the core's limit): R$ 1.000.000,00. */
export const MAX_CENTAVOS = 100_000_000;

/**
 * What a cashier types in a money field, as integer centavos: "12,50" → 1250, "1.234,56" → 123456,
 * "R$ 7" → 700, "12.5" → 1250 (a dot with one or two decimals is the numpad's decimal point), and
 * "1.234" → 123400 (dots in groups of three are thousands). Never goes through a float. Null when the
 * text is empty or not an amount, or it is above the limit; a minus sign only when allowNegative.
 */
export function parseMoneyInput(text: string, { allowNegative = false, max = MAX_CENTAVOS }: { allowNegative?: boolean; max?: number } = {}): number | null {
  let clean = text.replace(/R\$|[\s\u00a0]/g, '');
  let sign = 1;
  if (/^[-\u2212]/.test(clean)) {
    if (!allowNegative) return null;
    sign = -1;
    clean = clean.slice(1);
  }
  let whole: string;
  let fraction = '';
  const comma = /^(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{0,2}))?$/.exec(clean);
  const dot = /^(\d+)\.(\d{1,2})$/.exec(clean);
  if (comma) {
    whole = comma[1]!.replace(/\./g, '');
    fraction = comma[2] ?? '';
  } else if (dot) {
    whole = dot[1]!;
    fraction = dot[2]!;
  } else return null;
  if (whole.length > 12) return null;
  const centavos = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  if (!Number.isSafeInteger(centavos) || centavos > max) return null;
  return sign * centavos === 0 ? 0 : sign * centavos;
}

export type MoneyInputProblem = 'empty' | 'negative' | 'tooBig' | 'invalid';

/** What is wrong with a typed price, so the field can say it ("não pode ser negativo"), or null when it reads as one. */
export function moneyInputProblem(text: string, max = MAX_CENTAVOS): MoneyInputProblem | null {
  if (!text.trim()) return 'empty';
  if (parseMoneyInput(text, { max }) !== null) return null;
  const signed = parseMoneyInput(text, { allowNegative: true, max: Number.MAX_SAFE_INTEGER });
  if (signed === null) return 'invalid';
  return signed < 0 ? 'negative' : 'tooBig';
}

/** Centavos as a money field shows them for editing: 123456 → "1234,56" (pt-BR) or "1234.56" (en). */
export function formatMoneyInput(centavos: number): string {
  const sign = centavos < 0 ? '-' : '';
  const abs = Math.abs(centavos);
  const separator = currentLocale() === 'en-US' ? '.' : ',';
  return `${sign}${Math.floor(abs / 100)}${separator}${String(abs % 100).padStart(2, '0')}`;
}

/** Basis points as a percentage: 1000 → "10%", 1250 → "12,5%". */
export function formatPercent(basisPoints: number): string {
  return `${new Intl.NumberFormat(currentLocale(), { maximumFractionDigits: 2 }).format(basisPoints / 100)}%`;
}

/** Minutes since an instant, for "há 3 min" labels. */
export const minutesSince = (epochMs: number, now: number): number => Math.max(0, Math.floor((now - epochMs) / 60_000));
