const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

// IMF-fixdate: Sun, 06 Nov 1994 08:49:37 GMT
const IMF_FIXDATE = /^[a-z]{3},\s*(\d{1,2})\s+([a-z]{3})\s+(\d{4})\s+(\d{2}):(\d{2}):(\d{2})\s+gmt$/i;
// RFC 850: Sunday, 06-Nov-94 08:49:37 GMT
const RFC850_DATE = /^[a-z]+,\s*(\d{1,2})-([a-z]{3})-(\d{2})\s+(\d{2}):(\d{2}):(\d{2})\s+gmt$/i;
// asctime: Sun Nov  6 08:49:37 1994
const ASCTIME_DATE = /^[a-z]{3}\s+([a-z]{3})\s+(\d{1,2})\s+(\d{2}):(\d{2}):(\d{2})\s+(\d{4})$/i;

/** Milliseconds since the epoch of a UTC date given as strings, or undefined when a part is invalid. */
function utcMs(
  year: number,
  month: string,
  day: string,
  h: string,
  m: string,
  s: string,
): number | undefined {
  const mon = MONTHS.indexOf(month.toLowerCase());
  if (mon < 0) return undefined;
  const ms = Date.UTC(year, mon, Number(day), Number(h), Number(m), Number(s));
  return Number.isFinite(ms) ? ms : undefined;
}

/** Parses an HTTP-date in any of the three RFC 9110 formats (always UTC, independent of the host TZ). */
export function parseHttpDate(value: string): number | undefined {
  const v = value.trim();
  let m = IMF_FIXDATE.exec(v);
  if (m) return utcMs(Number(m[3]), m[2]!, m[1]!, m[4]!, m[5]!, m[6]!);
  m = RFC850_DATE.exec(v);
  if (m) {
    const yy = Number(m[3]);
    return utcMs(yy < 70 ? 2000 + yy : 1900 + yy, m[2]!, m[1]!, m[4]!, m[5]!, m[6]!);
  }
  m = ASCTIME_DATE.exec(v);
  if (m) return utcMs(Number(m[6]), m[1]!, m[2]!, m[3]!, m[4]!, m[5]!);
  return undefined;
}

/**
 * Turns a `Retry-After` header (delay in seconds, or an HTTP-date) into a delay in ms from `nowMs`;
 * undefined when absent or unparseable, 0 when the date is already past.
 */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined {
  if (value == null) return undefined;
  const v = value.trim();
  if (v === "") return undefined;
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = parseHttpDate(v);
  if (at === undefined) return undefined;
  return Math.max(0, at - nowMs);
}
