// CSV writing lives with CSV reading (renderer/src/csv-file.ts), pure for the Node tests.
export { csvField, toCsv } from '../csv-file';

/** Sends a file made in memory to the person's own disk (CSV, JSON). */
export function downloadText(name: string, text: string, type = 'text/csv;charset=utf-8'): void {
  downloadBlob(name, new Blob([text], { type }));
}

/** Sends bytes made in memory to the person's own disk (the desktop window asks where to save them). */
export function downloadBlob(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Today's business day in the shop's zone (the day turns at `startsAt`, e.g. "04:00"), as YYYY-MM-DD. */
export function businessToday(timeZone: string, startsAt = '00:00', now = Date.now()): string {
  const [h = 0, m = 0] = startsAt.split(':').map(Number);
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now - (h * 60 + m) * 60_000);
}

/** "2026-11-29" plus n days. */
export function addDays(day: string, n: number): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + n);
  return date.toISOString().slice(0, 10);
}
