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

const CLOSERS = new Set([34, 39, 41, 93, 0x201d, 0x2019, 0xbb]);

/** Whether the `.`/`!`/`?`/newline at `i` ends a sentence. */
export function isSentenceEnd(text: string, i: number): boolean {
  const ch = text.charCodeAt(i);
  if (ch !== 46) return true;
  let j = i + 1;
  while (j < text.length && CLOSERS.has(text.charCodeAt(j))) j++;
  if (j < text.length && !isSpace(text.charCodeAt(j)) && text.charCodeAt(j) !== 10) return false;
  while (j < text.length && isSpace(text.charCodeAt(j))) j++;
  if (j < text.length) {
    const next = text.charAt(j);
    if (next !== next.toUpperCase() || next === next.toLowerCase()) {
      if (!/[\d"'“‘([\u0600-\u06ff\u3000-\u9fff]/.test(next)) return false;
    }
  }
  let k = i - 1;
  while (k >= 0 && isWordChar(text.charCodeAt(k))) k--;
  const word = text.slice(k + 1, i);
  if (word.length === 1 && !/\d/.test(word)) return false;
  if (k >= 0 && text.charCodeAt(k) === 46 && word.length <= 2) return false; // U.S. / e.g.
  return !ABBREVIATIONS.has(word.toLowerCase());
}
