/** ISO 8601 week arithmetic in UTC: weeks run Monday 00:00 to the next Monday 00:00, labelled `YYYY-Www`. */

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;
const WEEK_RE = /^(\d{4})-W(\d{2})$/;

/** A week's bounds: `start` is Monday 00:00 UTC, `end` the following Monday 00:00 UTC (exclusive). */
export interface WeekRange {
  start: Date;
  end: Date;
}

/** Monday 00:00 UTC of ISO week 1 of `year` (the week that contains 4 January). */
function week1Monday(year: number): number {
  const jan4 = Date.UTC(year, 0, 4);
  const dow = (new Date(jan4).getUTCDay() + 6) % 7; // Monday = 0
  return jan4 - dow * DAY_MS;
}

/** Number of ISO weeks (52 or 53) in `year`. */
export function weeksInYear(year: number): number {
  return Math.round((week1Monday(year + 1) - week1Monday(year)) / WEEK_MS);
}

function label(year: number, week: number): string {
  return `${String(year).padStart(4, "0")}-W${String(week).padStart(2, "0")}`;
}

/** The ISO week (`YYYY-Www`) that contains the instant `date`, reckoned in UTC. */
export function getIsoWeek(date: Date): string {
  const t = date.getTime();
  if (!Number.isFinite(t)) throw new RangeError("getIsoWeek: invalid date");
  const day = Math.floor(t / DAY_MS) * DAY_MS;
  const dow = (new Date(day).getUTCDay() + 6) % 7;
  const thursday = day + (3 - dow) * DAY_MS; // the week's Thursday decides its year
  const year = new Date(thursday).getUTCFullYear();
  const week = Math.floor((thursday - week1Monday(year)) / WEEK_MS) + 1;
  return label(year, week);
}

/** Whether `s` is a well-formed, existing ISO week label such as `2026-W48` (W53 only in long years). */
export function isIsoWeek(s: string): boolean {
  const m = WEEK_RE.exec(s);
  if (!m) return false;
  const year = Number(m[1]);
  const week = Number(m[2]);
  return year >= 1970 && week >= 1 && week <= weeksInYear(year);
}

/** Monday-to-Monday UTC bounds of an ISO week label; throws a RangeError on a malformed or impossible label. */
export function weekRange(week: string): WeekRange {
  if (!isIsoWeek(week)) throw new RangeError(`not an ISO week (YYYY-Www): ${week}`);
  const m = WEEK_RE.exec(week)!;
  const start = week1Monday(Number(m[1])) + (Number(m[2]) - 1) * WEEK_MS;
  return { start: new Date(start), end: new Date(start + WEEK_MS) };
}

/** The week before the one containing `now`: the week that has just ended (what a Monday job digests). */
export function previousWeek(now: Date): string {
  return getIsoWeek(new Date(now.getTime() - WEEK_MS));
}

/** Whether `week` has fully ended at `now` (its exclusive end is not in the future). */
export function weekHasEnded(week: string, now: Date): boolean {
  return weekRange(week).end.getTime() <= now.getTime();
}

/** A human date span for a week, e.g. `23–29 November 2026` or `28 December 2026 – 3 January 2027`. */
export function weekSpanText(week: string): string {
  const { start, end } = weekRange(week);
  const last = new Date(end.getTime() - DAY_MS);
  const month = (d: Date) => MONTHS[d.getUTCMonth()]!;
  const sd = start.getUTCDate();
  const ld = last.getUTCDate();
  if (start.getUTCFullYear() !== last.getUTCFullYear())
    return `${sd} ${month(start)} ${start.getUTCFullYear()} – ${ld} ${month(last)} ${last.getUTCFullYear()}`;
  if (start.getUTCMonth() !== last.getUTCMonth())
    return `${sd} ${month(start)} – ${ld} ${month(last)} ${last.getUTCFullYear()}`;
  return `${sd}–${ld} ${month(last)} ${last.getUTCFullYear()}`;
}

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
