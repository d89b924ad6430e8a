/**
 * Today's date as YYYY-MM-DD in the user's local time: the one reading of the clock for dates,
 * shared by the library and the CLI. A report built in Tokyo at 08:00 on the 2nd is dated the
 * 2nd, as its author sees the calendar, not the 1st as UTC would have it.
 */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
