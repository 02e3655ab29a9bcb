/**
 * Days and weeks of the schools' calendar. The API counts weeks (Monday first) and months in China
 * time (Asia/Shanghai), whatever the server's or the viewer's clock says; the dashboard does the same,
 * so "this week" on a chart is the API's week.
 */
const DAY_MS = 86_400_000;
const chinaDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today (or `now`) in China, as YYYY-MM-DD. */
export function chinaToday(now: Date = new Date()): string {
  return chinaDay.format(now);
}

/** A YYYY-MM-DD day as a UTC timestamp at midnight, for arithmetic in whole days. */
export function dayToUtc(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

export function utcToDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  return utcToDay(dayToUtc(day) + days * DAY_MS);
}

/** The Monday starting the week of `day` (as the API's `openedWeek`). */
export function mondayOf(day: string): string {
  const weekday = new Date(dayToUtc(day)).getUTCDay();
  return addDays(day, -((weekday + 6) % 7));
}

/** Whole weeks from the week starting `monday` to the week starting `thisMonday`. */
export function weeksBetween(monday: string, thisMonday: string): number {
  return Math.round((dayToUtc(thisMonday) - dayToUtc(monday)) / (7 * DAY_MS));
}

/** The first instant of the current month in China, as an ISO timestamp. */
export function chinaMonthStart(now: Date = new Date()): string {
  return `${chinaToday(now).slice(0, 7)}-01T00:00:00+08:00`;
}
