const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * The business day a moment belongs to, in the shop's zone: before the day turns (04:00 by default)
 * it is still yesterday's, so a late-night sale lands on the night's report.
 */
export function businessDay(epochMs: number, timeZone: string, startsAt: string): string {
  const [hours = 0, minutes = 0] = startsAt.split(':').map(Number);
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, formatter);
  }
  return formatter.format(epochMs - (hours * 60 + minutes) * 60_000);
}
