/**
 * RSSHub-style feed query: `filter` / `filterout` (case-insensitive regular expression on title and summary)
 * and `limit`.
 *
 * Safety of visitor-supplied patterns (RSSHub's CVE-2022-31110 was exactly a filter ReDoS): a length cap
 * alone does not prevent ReDoS, since `(a+)+$` is six characters and backtracks exponentially in
 * JavaScript's RegExp. So patterns never run on RegExp: they run on re2js, the JavaScript port of RE2 (as
 * RSSHub runs them on RE2), which never backtracks exponentially: a search costs O(text length x program size).
 * Linear is not cheap, though, so a work cap is still needed: a short pattern can compile to a large program
 * (`.{0,999}x` is 2,001 instructions), and without caps `[ab]*a[ab]{12}.{0,200}[^abx]` (418 instructions)
 * took 16 s on a 200-item feed of 1,000-character a/b texts. The caps, all decided before any matching (no
 * clock: it does not advance during CPU work on Workers):
 * - a pattern over MAX_PATTERN_LENGTH characters or compiling to more than MAX_PROGRAM_SIZE instructions is
 *   not run as a regular expression;
 * - only the first MAX_SUBJECT_LENGTH characters of a title or summary are searched;
 * - per request, program size x characters searched must stay within WORK_BUDGET, else the pattern is
 *   matched literally for the whole response (a 200-item feed with ~300-character summaries allows programs
 *   of ~200 instructions; ordinary patterns have 5-50), so a pattern costs at most ~0.5 s.
 * Searches use `matcher().find()`, which re2js runs on RE2's bit-state backtracker whenever program size x
 * (text length + 1) <= 262,144 (hence MAX_PROGRAM_SIZE 250 for 1,000 characters): it visits each
 * (instruction, position) pair at most once, measured at 5-30 ns each. `test()` would use the lazy DFA,
 * faster on ordinary patterns but measured at up to ~200 ns per instruction x character when its state
 * cache thrashes.
 * Patterns are read with JavaScript syntax (re2js's translateRegExp); one that is not valid, needs
 * backtracking (backreferences, lookaround) or is too large is matched as a literal case-insensitive
 * substring instead, so `C++` or `AT&T (US` still filter the way a visitor expects.
 */

import { RE2JS } from "re2js";
import type { FeedEntry, FeedQuery } from "./feed-types";

/** Items returned when no `limit` is given. */
export const DEFAULT_FEED_LIMIT = 50;
/** Largest `limit` honoured. */
export const MAX_FEED_LIMIT = 200;
/** Longer filter patterns are matched literally. */
export const MAX_PATTERN_LENGTH = 200;
/** Only this many leading characters of a title or summary are searched. */
export const MAX_SUBJECT_LENGTH = 1000;
/** Patterns whose RE2 program is larger are matched literally (bounds the work per character searched). */
export const MAX_PROGRAM_SIZE = 250;
/** Largest program size x characters searched that a pattern may cost per request before it is matched literally. */
export const WORK_BUDGET = 16_000_000;

/** A compiled filter: `test` says whether it matches anywhere in the text. */
export interface TextMatcher {
  test(text: string): boolean;
}

/** Case-insensitive literal substring matcher. */
function literalMatcher(pattern: string): TextMatcher {
  const needle = pattern.toLowerCase();
  return { test: (text) => text.toLowerCase().includes(needle) };
}

// JavaScript's `\s` also matches \v, NBSP, the Unicode space separators, U+2028/2029 and BOM; RE2's is only
// [\t\n\f\r ]. Those characters become plain spaces before a regex test, so `fair\s+use` still matches
// "fair<NBSP>use" (and, unlike RegExp, so does `fair use`: a deliberate, visitor-friendly difference).
const NON_RE2_SPACE = /[^\S\t\n\f\r ]/g;

/** A regular-expression matcher and its RE2 program size. */
interface RegexMatcher extends TextMatcher {
  size: number;
}

function regexMatcher(pattern: string): RegexMatcher | null {
  if (pattern.length > MAX_PATTERN_LENGTH) return null;
  let re: RE2JS;
  try {
    re = RE2JS.compile(RE2JS.translateRegExp(pattern), RE2JS.CASE_INSENSITIVE);
  } catch {
    return null; // a syntax error, or syntax RE2 does not run (lookaround, backreferences)
  }
  const size = re.programSize();
  if (size > MAX_PROGRAM_SIZE) return null;
  return { size, test: (text) => re.matcher(text.replace(NON_RE2_SPACE, " ")).find() };
}

/** A case-insensitive matcher for a filter value: the regular expression when RE2 can run it, else the literal text. */
export function filterMatcher(pattern: string): TextMatcher {
  return regexMatcher(pattern) ?? literalMatcher(pattern);
}

function subject(text: string): string {
  return text.length > MAX_SUBJECT_LENGTH ? text.slice(0, MAX_SUBJECT_LENGTH) : text;
}

/**
 * Applies `filter` (keep matches), then `filterout` (drop matches), then `limit`, keeping order; a match is
 * a match in the title or in the summary, as in RSSHub. A pattern whose program size x the characters to
 * search exceeds WORK_BUDGET is matched literally, for the whole response.
 */
export function applyFeedQuery<T extends FeedEntry>(entries: readonly T[], query: FeedQuery = {}): T[] {
  const limit = query.limit ?? DEFAULT_FEED_LIMIT;
  if (!query.filter && !query.filterout) return entries.slice(0, limit);
  let chars = 0;
  for (const e of entries) chars += subject(e.title).length + subject(e.summary).length;
  const matcher = (pattern: string): TextMatcher => {
    const regex = regexMatcher(pattern);
    return regex && regex.size * chars <= WORK_BUDGET ? regex : literalMatcher(pattern);
  };
  const keep = query.filter ? matcher(query.filter) : null;
  const drop = query.filterout ? matcher(query.filterout) : null;
  const hit = (m: TextMatcher, e: T) => m.test(subject(e.title)) || m.test(subject(e.summary));
  const out: T[] = [];
  for (const e of entries) {
    if (out.length >= limit) break;
    if (keep && !hit(keep, e)) continue;
    if (drop && hit(drop, e)) continue;
    out.push(e);
  }
  return out;
}
