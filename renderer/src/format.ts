import i18n from './i18n';

/** The Intl locale of the current UI language ("pt-BR" or "en-US"). */
export function currentLocale(): string {
  return i18n.language?.startsWith('en') ? 'en-US' : 'pt-BR';
}

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
