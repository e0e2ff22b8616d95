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

const wallClocks = new Map<string, Intl.DateTimeFormat>();

/** How far the zone's wall clock is ahead of UTC at a moment (negative west of Greenwich). */
function zoneOffset(epochMs: number, timeZone: string): number {
  let formatter = wallClocks.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    wallClocks.set(timeZone, formatter);
  }
  const part = Object.fromEntries(formatter.formatToParts(epochMs).map((p) => [p.type, Number(p.value)]));
  const wall = Date.UTC(part.year!, part.month! - 1, part.day!, part.hour!, part.minute!, part.second!);
  return wall - Math.floor(epochMs / 1000) * 1000;
}

/**
 * The moment a business day begins, by the rule `businessDay` follows: its date's midnight in the
 * shop's zone, plus the turning hour (so on a night the clocks change it is the same rule, not a wall time).
 */
export function businessDayStart(day: string, timeZone: string, startsAt: string): number {
  const [year = 0, month = 1, date = 1] = day.split('-').map(Number);
  const [hours = 0, minutes = 0] = startsAt.split(':').map(Number);
  const wall = Date.UTC(year, month - 1, date);
  // The offset at the guess is the one in force at midnight, unless a change of summer time lies between.
  const midnight = wall - zoneOffset(wall - zoneOffset(wall, timeZone), timeZone);
  return midnight + (hours * 60 + minutes) * 60_000;
}

/** The calendar day `days` after (or before) a 'YYYY-MM-DD' day. */
export function shiftDay(day: string, days: number): string {
  const [year = 0, month = 1, date = 1] = day.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, date + days)).toISOString().slice(0, 10);
}
