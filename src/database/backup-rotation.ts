/**
 * Which backups rotation keeps: the newest copy of each of the last `daily` days, `weekly` ISO weeks
 * and `monthly` months that have a copy (days the shop was closed use no slot), whatever the copy's
 * reason. The newest `restore` copy (the database as it was just before a restore) is always kept,
 * and so is a copy dated after `now` (the clock was set back: it may be the newest real one).
 */
export interface RotationPolicy {
  daily: number;
  weekly: number;
  monthly: number;
}

export const DEFAULT_ROTATION: RotationPolicy = { daily: 7, weekly: 4, monthly: 12 };

export interface RotatedBackup {
  file: string;
  reason: string;
  takenAt: number;
}

/** `dayOf` names a moment's day as YYYY-MM-DD (the shop's business day). */
export function backupsToKeep(
  backups: readonly RotatedBackup[],
  now: number,
  policy: RotationPolicy,
  dayOf: (epochMs: number) => string,
): Set<string> {
  const newestFirst = [...backups].sort((a, b) => b.takenAt - a.takenAt || b.file.localeCompare(a.file));
  const keep = new Set(newestFirst.filter((backup) => backup.takenAt > now).map((backup) => backup.file));
  const newestRestore = newestFirst.find((backup) => backup.reason === 'restore');
  if (newestRestore) keep.add(newestRestore.file);
  // A copy set aside before a restore is of the database replaced: kept above, it never takes a day's place.
  const placed = newestFirst.filter((backup) => backup.takenAt <= now && backup.reason !== 'restore');
  const days = new Map(placed.map((backup) => [backup.file, dayOf(backup.takenAt)]));
  const periods: [number, (day: string) => string][] = [
    [policy.daily, (day) => day],
    [policy.weekly, isoWeek],
    [policy.monthly, (day) => day.slice(0, 7)],
  ];
  for (const [count, periodOf] of periods) {
    const seen = new Set<string>();
    for (const backup of placed) {
      if (seen.size >= count) break;
      const period = periodOf(days.get(backup.file)!);
      if (seen.has(period)) continue;
      seen.add(period);
      keep.add(backup.file);
    }
  }
  return keep;
}

/** "2026-12-31" → "2026-W53": weeks start on Monday and belong to the year of their Thursday. */
export function isoWeek(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  const weekday = (date.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  date.setUTCDate(date.getUTCDate() - weekday + 3);
  const year = date.getUTCFullYear();
  const firstThursday = new Date(Date.UTC(year, 0, 4));
  firstThursday.setUTCDate(firstThursday.getUTCDate() - ((firstThursday.getUTCDay() + 6) % 7) + 3);
  const week = 1 + Math.round((date.getTime() - firstThursday.getTime()) / (7 * 86_400_000));
  return `${year}-W${String(week).padStart(2, '0')}`;
}
