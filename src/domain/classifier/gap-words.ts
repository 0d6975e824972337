/**
 * What may stand between two mentions that belong together: punctuation, spaces and a few short words. A
 * hand-written check instead of a regular expression (no regex compile at cold start, no backtracking).
 */

/** Words that may stand between the names of one list of defendants ("Meta and OpenAI", "OpenAI's ChatGPT"). */
export const LIST_WORDS: ReadonlySet<string> = new Set([
  "and",
  "or",
  "und",
  "et",
  "y",
  "e",
  "plus",
  "the",
  "its",
  "s",
  "inc",
  "llc",
  "ltd",
  "corp",
  "co",
]);

/** Words between a litigation phrase and a defendant ("sued AI startup Lovo", "suit against the chipmaker Nvidia"). */
export const SUIT_WORDS: ReadonlySet<string> = new Set([
  "and",
  "or",
  "the",
  "its",
  "s",
  "a",
  "an",
  "ai",
  "startup",
  "company",
  "firm",
  "giant",
  "maker",
  "developer",
  "platform",
  "chipmaker",
  "software",
  "tech",
  "technology",
  "search",
  "group",
  "parent",
  "inc",
  "llc",
  "ltd",
  "corp",
]);

/** ASCII letters, digits and "_" (what \w means in a regular expression without the u flag). */
function isWordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

/** White space as \s means it in a regular expression, and , ; / & ' ’ ( ) -. */
function isGapCode(c: number): boolean {
  if (c < 128) {
    return (
      c === 32 ||
      (c >= 9 && c <= 13) ||
      c === 44 ||
      c === 59 ||
      c === 47 ||
      c === 38 ||
      c === 39 ||
      c === 40 ||
      c === 41 ||
      c === 45
    );
  }
  return (
    c === 0x2019 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * Whether `text` consists only of gap characters and whole words from `words` (ASCII, any case): the same
 * as /^(?:[\s,;/&'’()-]|\b(?:word|…)\b)*$/i.
 */
export function onlyGapWords(text: string, words: ReadonlySet<string>): boolean {
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (isWordCode(c)) {
      let j = i + 1;
      while (j < text.length && isWordCode(text.charCodeAt(j))) j++;
      if (!words.has(text.slice(i, j).toLowerCase())) return false;
      i = j;
    } else if (isGapCode(c)) i++;
    else return false;
  }
  return true;
}
