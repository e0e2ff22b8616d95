const formatters = new Map<string, Intl.DateTimeFormat>();
let last = { minute: Number.NaN, key: '', day: '' };

function localClock(epochMs: number, timeZone: string): { date: string; minutes: number } {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(timeZone, formatter);
  }
  const parts: Record<string, string> = {};
  for (const part of formatter.formatToParts(epochMs)) parts[part.type] = part.value;
  return { date: `${parts.year}-${parts.month}-${parts.day}`, minutes: Number(parts.hour) * 60 + Number(parts.minute) };
}

const minutesOf = (startsAt: string): number => {
  const [hours = 0, minutes = 0] = startsAt.split(':').map(Number);
  return hours * 60 + minutes;
};

/** The first moment of a business day: its date at the turn hour on the shop's wall clock. */
export function businessDayStart(day: string, timeZone: string, startsAt: string): number {
  const wall = Date.parse(`${day}T00:00:00Z`) + minutesOf(startsAt) * 60_000;
  // The zone's offset is read where the moment falls; twice, in case the first guess crossed a change of offset.
  let moment = wall;
  for (let i = 0; i < 2; i++) {
    const local = localClock(moment, timeZone);
    const offset = Date.parse(`${local.date}T00:00:00Z`) + local.minutes * 60_000 - Math.floor(moment / 60_000) * 60_000;
    moment = wall - offset;
  }
  return moment;
}

/** A calendar date ('YYYY-MM-DD') moved by whole days. */
export function shiftDay(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * The business day a moment belongs to, in the shop's zone: before the day turns (04:00 by default)
 * it is still yesterday's, so a late-night sale lands on the night's report. The turn is read on the
 * local wall clock, not as hours subtracted from the moment: on a daylight-saving day those differ.
 */
export function businessDay(epochMs: number, timeZone: string, startsAt: string): string {
  // Every sale asks; the answer changes at most once a minute.
  const minute = Math.floor(epochMs / 60_000);
  const key = `${timeZone}|${startsAt}`;
  if (minute === last.minute && key === last.key) return last.day;
  const local = localClock(epochMs, timeZone);
  const day = local.minutes < minutesOf(startsAt) ? shiftDay(local.date, -1) : local.date;
  last = { minute, key, day };
  return day;
}
