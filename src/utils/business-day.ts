const formatters = new Map<string, Intl.DateTimeFormat>();
let last = { minute: Number.NaN, key: '', day: '' };

/**
 * The business day a moment belongs to, in the shop's zone: before the day turns (04:00 by default)
 * it is still yesterday's, so a late-night sale lands on the night's report.
 */
export function businessDay(epochMs: number, timeZone: string, startsAt: string): string {
  // Every sale asks; the answer changes at most once a minute.
  const minute = Math.floor(epochMs / 60_000);
  const key = `${timeZone}|${startsAt}`;
  if (minute === last.minute && key === last.key) return last.day;
  const [hours = 0, minutes = 0] = startsAt.split(':').map(Number);
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, formatter);
  }
  const day = formatter.format(epochMs - (hours * 60 + minutes) * 60_000);
  last = { minute, key, day };
  return day;
}
