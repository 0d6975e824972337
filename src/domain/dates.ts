/**
 * Feed date parsing without `new Date(string)`: RFC 822/1123/2822, RFC 3339/ISO 8601 and common sloppy forms,
 * computed with UTC arithmetic only so the host time zone never matters.
 *
 * Rules: a date-time without a zone is UTC; a date alone is midnight UTC; military single-letter zones other
 * than `Z` are read as UTC (RFC 5322 §4.3: RFC 822 got their signs wrong, so they carry no information);
 * two-digit years follow RFC 5322 (00–49 → 20xx, 50–99 → 19xx).
 */

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

const WEEKDAYS = new Set(["mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"]);

/** Named zones, offset in minutes east of UTC. Ambiguous abbreviations (IST, CST-as-China...) use the RFC/US meaning. */
const ZONES: Record<string, number> = {
  ut: 0,
  utc: 0,
  gmt: 0,
  z: 0,
  wet: 0,
  west: 60,
  bst: 60,
  cet: 60,
  cest: 120,
  met: 60,
  mest: 120,
  eet: 120,
  eest: 180,
  msk: 180,
  jst: 540,
  kst: 540,
  aest: 600,
  aedt: 660,
  acst: 570,
  awst: 480,
  nzst: 720,
  nzdt: 780,
  est: -300,
  edt: -240,
  cst: -360,
  cdt: -300,
  mst: -420,
  mdt: -360,
  pst: -480,
  pdt: -420,
  akst: -540,
  akdt: -480,
  hst: -600,
  ast: -240,
  adt: -180,
};

/** Words that may appear in sloppy dates and carry no value. */
const FILLER = new Set(["at", "on", "the", "of", "t"]);

const ISO_RE =
  /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:(?:t|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(z|utc|gmt|ut|[+-]\d{2}(?::?\d{2})?)?$/i;
const ISO_BASIC_RE =
  /^(\d{4})(\d{2})(\d{2})(?:t(\d{2})(\d{2})(\d{2})?(?:[.,](\d+))?)?\s*(z|[+-]\d{2}(?::?\d{2})?)?$/i;
const SLASH_RE =
  /^(\d{4})\/(\d{1,2})\/(\d{1,2})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(z|utc|gmt|[+-]\d{2}:?\d{2})?$/i;

interface Parts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
  /** Minutes east of UTC. */
  offset: number;
}

/** Parses a feed date string into ISO 8601 UTC (`2024-01-05T10:00:00.000Z`), or null; never throws. */
export function parseFeedDate(s: string | undefined | null): string | null {
  if (typeof s !== "string") return null;
  const text = s.replace(/[\s\u00a0\u200b\ufeff]+/g, " ").trim();
  if (text.length < 6 || text.length > 120) return null;
  try {
    const parts = parseIso(text) ?? parseTokens(text);
    return parts ? toIso(parts) : null;
  } catch {
    return null;
  }
}

function num(s: string | undefined, fallback = 0): number {
  return s === undefined || s === "" ? fallback : Number.parseInt(s, 10);
}

function fractionMs(s: string | undefined): number {
  return s ? Number.parseInt(`${s}00`.slice(0, 3), 10) : 0;
}

function parseOffset(z: string | undefined): number | null {
  if (!z) return 0;
  const named = ZONES[z.toLowerCase()];
  if (named !== undefined) return named;
  const m = /^([+-])(\d{1,2}):?(\d{2})?$/.exec(z);
  if (!m) return null;
  const h = num(m[2]);
  const min = num(m[3]);
  if (h > 23 || min > 59) return null;
  return (m[1] === "-" ? -1 : 1) * (h * 60 + min);
}

/** ISO 8601 / RFC 3339 / W3CDTF, the basic format, and `YYYY/MM/DD`; all three regexes share group layout. */
function parseIso(text: string): Parts | null {
  const m = ISO_RE.exec(text) ?? ISO_BASIC_RE.exec(text) ?? SLASH_RE.exec(text);
  if (!m) return null;
  if (!m[2] && !m[4]) return null; // a bare number is not a date
  if (m[4] && !m[3]) return null; // a time needs a full date
  const offset = parseOffset(m[8]);
  if (offset === null) return null;
  return {
    year: num(m[1]),
    month: num(m[2], 1),
    day: num(m[3], 1),
    hour: num(m[4]),
    minute: num(m[5]),
    second: num(m[6]),
    ms: fractionMs(m[7]),
    offset,
  };
}

const TOKEN_RE =
  /[a-z]+\.?|\d+(?::\d+){1,2}(?:[.,]\d+)?|[+-]\d{3,4}|[+-]\d{1,2}:\d{2}|\d+(?:st|nd|rd|th)?|[^\sa-z\d]/g;

/** Token-based reader for RFC 822 and prose-like dates ("Fri, 5 Jan 2024 10:00 EST", "January 5, 2024 3:00 pm"). */
function parseTokens(text: string): Parts | null {
  const cleaned = text.replace(/\([^)]*\)/g, " ").toLowerCase();
  const tokens = cleaned.match(TOKEN_RE);
  if (!tokens) return null;
  let year: number | null = null;
  let month: number | null = null;
  let day: number | null = null;
  let time: [number, number, number, number] | null = null;
  let offset: number | null = null;
  let meridiem: "am" | "pm" | null = null;
  let afterGmt = false;

  const takeNumber = (digits: string, ordinal: boolean): boolean => {
    const value = num(digits);
    if (ordinal || (digits.length <= 2 && day === null && year === null)) {
      if (day !== null) return false;
      day = value;
    } else if (digits.length >= 3) {
      if (year !== null) return false;
      year = digits.length === 3 ? value + 1900 : value;
    } else if (year === null) {
      year = value < 50 ? 2000 + value : 1900 + value;
    } else if (day === null) {
      day = value;
    } else {
      return false;
    }
    return true;
  };

  for (const raw of tokens) {
    const tok = raw.endsWith(".") ? raw.slice(0, -1) : raw;
    if (tok === "," || tok === "-" || tok === "/" || tok === "." || tok === "") continue;
    if (/^[a-z]+$/.test(tok)) {
      const zone = ZONES[tok];
      if (month === null && tok.length >= 3 && isMonthName(tok)) {
        month = MONTHS[tok.slice(0, 3)] ?? null;
      } else if (WEEKDAYS.has(tok) || (WEEKDAYS.has(tok.slice(0, 3)) && tok.endsWith("day"))) {
        // weekday names are informational only
      } else if (tok === "am" || tok === "pm") {
        meridiem = tok;
      } else if (zone !== undefined && offset === null) {
        offset = zone;
        afterGmt = tok === "gmt" || tok === "utc" || tok === "ut";
      } else if (tok.length === 1 && tok !== "j" && time !== null && offset === null) {
        offset = 0; // military zone letter (RFC 5322 §4.3: treat as UTC)
      } else if (!FILLER.has(tok)) {
        return null;
      }
      continue;
    }
    const timeMatch = /^(\d{1,2}):(\d{2})(?::(\d{2}))?(?:[.,](\d+))?$/.exec(tok);
    if (timeMatch) {
      if (time !== null) return null;
      time = [num(timeMatch[1]), num(timeMatch[2]), num(timeMatch[3]), fractionMs(timeMatch[4])];
      continue;
    }
    if (tok[0] === "+" || tok[0] === "-") {
      if (time === null && !afterGmt) {
        if (!takeNumber(tok.slice(1), false)) return null; // "Jan-2024": a separator, not a zone
        continue;
      }
      const off = parseOffset(tok);
      if (off === null || (offset !== null && !afterGmt)) return null;
      offset = off;
      afterGmt = false;
      continue;
    }
    const n = /^(\d+)(st|nd|rd|th)?$/.exec(tok);
    if (!n || !takeNumber(n[1]!, n[2] !== undefined)) return null;
  }
  if (year === null || month === null || day === null) return null;
  let [hour, minute, second, ms] = time ?? [0, 0, 0, 0];
  if (meridiem) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridiem === "pm" ? 12 : 0);
  }
  return { year, month, day, hour, minute, second, ms, offset: offset ?? 0 };
}

const MONTH_NAMES = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];

function isMonthName(tok: string): boolean {
  return tok === "sept" || MONTH_NAMES.some((name) => name.startsWith(tok));
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function toIso(p: Parts): string | null {
  if (!(p.year >= 1 && p.year <= 9999)) return null;
  if (p.month < 1 || p.month > 12) return null;
  if (p.day < 1 || p.day > daysInMonth(p.year, p.month)) return null;
  if (p.hour > 24 || p.minute > 59 || p.second > 60) return null;
  if (p.hour === 24 && (p.minute !== 0 || p.second !== 0 || p.ms !== 0)) return null;
  const second = Math.min(p.second, 59); // leap second
  const d = new Date(0);
  d.setUTCFullYear(p.year, p.month - 1, p.day);
  d.setUTCHours(p.hour, p.minute - p.offset, second, p.ms);
  const t = d.getTime();
  return Number.isFinite(t) ? d.toISOString() : null;
}
