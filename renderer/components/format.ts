// Dates on the first screen are written out here, not with Intl: the first Intl formatter a page creates loads the
// locale data, which costs tens of milliseconds on a workshop laptop before the list can show (#18). The app's
// words are English: day, three-letter month and year, the same whatever locale data a browser carries.

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

function ago(n: number, unit: 'minute' | 'hour' | 'day'): string {
  if (unit === 'day' && n === 1) return 'yesterday';
  return `${n} ${unit}${n === 1 ? '' : 's'} ago`;
}

/** "5 minutes ago", "yesterday", or a date, for "last updated" labels. */
export function formatRelative(iso: string, now: Date = new Date()): string {
  const then = new Date(iso);
  const seconds = Math.round((now.getTime() - then.getTime()) / 1000);
  if (Number.isNaN(seconds)) return iso;
  if (seconds < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return ago(minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (hours < 24) return ago(hours, 'hour');
  const days = Math.round(hours / 24);
  if (days < 7) return ago(days, 'day');
  return formatDate(iso.slice(0, 10));
}

/** A YYYY-MM-DD date as "15 Jan 2026"; anything else as given. */
export function formatDate(ymd: string): string {
  const d = new Date(`${ymd}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return ymd;
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}
