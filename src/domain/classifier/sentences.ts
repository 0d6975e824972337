/** Sentence ends: which `.`, `!`, `?` or newline positions end a sentence (abbreviations and initials skipped). */

const ABBREVIATIONS = new Set([
  "inc",
  "co",
  "corp",
  "ltd",
  "llc",
  "no",
  "nos",
  "mr",
  "mrs",
  "ms",
  "dr",
  "st",
  "jr",
  "sr",
  "vs",
  "etc",
  "al",
  "jan",
  "feb",
  "mar",
  "apr",
  "jun",
  "jul",
  "aug",
  "sep",
  "sept",
  "oct",
  "nov",
  "dec",
  "cal",
  "tenn",
  "del",
  "colo",
  "mass",
  "cir",
  "supp",
  "para",
  "art",
  "sec",
  "approx",
  "gov",
  "rev",
  "hon",
  "ca",
  "cf",
  "ed",
  "eds",
  "p",
  "pp",
  "vol",
  "fig",
  "dist",
  "ct",
  "ind",
  "ill",
  "fla",
  "pa",
  "ny",
  "va",
  "wash",
  "bros",
  "ch",
  "ewhc",
  "abs",
  "nr",
  "bzw",
  "vgl",
  "ua",
  "usw",
  "ggf",
  "mme",
  "mlle",
  "env",
]);

function isWordChar(code: number): boolean {
  return (
    (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code >= 0xc0
  );
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 0xa0 || (code >= 0x2000 && code <= 0x200a) || code === 0x3000;
}

/** Longest abbreviation (a longer word cannot be one: lower-casing never shortens a word). */
const MAX_ABBREVIATION = Math.max(...[...ABBREVIATIONS].map((a) => a.length));

/** Closing quotes and brackets that may follow a full stop. */
function isCloser(code: number): boolean {
  return (
    code === 34 ||
    code === 39 ||
    code === 41 ||
    code === 93 ||
    code === 0x201d ||
    code === 0x2019 ||
    code === 0xbb
  );
}

/** Whether a sentence may start with this character: upper case, a digit, a quote or bracket, Arabic or CJK. */
function mayStartSentence(next: string): boolean {
  const c = next.charCodeAt(0);
  if (c < 128) {
    // ASCII: capitals, digits, " ' ( [
    return (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 34 || c === 39 || c === 40 || c === 91;
  }
  if (next !== next.toUpperCase() || next === next.toLowerCase()) {
    if (!/[\d"'“‘([\u0600-\u06ff\u3000-\u9fff]/.test(next)) return false;
  }
  return true;
}

/** Whether the `.`/`!`/`?`/newline at `i` ends a sentence. */
export function isSentenceEnd(text: string, i: number): boolean {
  const ch = text.charCodeAt(i);
  if (ch !== 46) return true;
  let j = i + 1;
  while (j < text.length && isCloser(text.charCodeAt(j))) j++;
  if (j < text.length && !isSpace(text.charCodeAt(j)) && text.charCodeAt(j) !== 10) return false;
  while (j < text.length && isSpace(text.charCodeAt(j))) j++;
  if (j < text.length && !mayStartSentence(text.charAt(j))) return false;
  let k = i - 1;
  while (k >= 0 && isWordChar(text.charCodeAt(k))) k--;
  const length = i - k - 1;
  if (length === 1) {
    const c = text.charCodeAt(k + 1);
    if (c < 48 || c > 57) return false; // an initial
  }
  if (k >= 0 && text.charCodeAt(k) === 46 && length <= 2) return false; // U.S. / e.g.
  return length > MAX_ABBREVIATION || !ABBREVIATIONS.has(text.slice(k + 1, i).toLowerCase());
}
