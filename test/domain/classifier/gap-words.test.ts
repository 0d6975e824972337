/** The hand-written gap check agrees with the regular expressions it replaces. */
import { describe, expect, it } from "vitest";
import { LIST_WORDS, onlyGapWords, SUIT_WORDS } from "../../../src/domain/classifier/gap-words";

const LIST_GAP = /^(?:[\s,;/&'’()-]|\b(?:and|or|und|et|y|e|plus|the|its|s|inc|llc|ltd|corp|co)\b)*$/i;
const SUIT_GAP =
  /^(?:[\s,;/&'’()-]|\b(?:and|or|the|its|s|a|an|ai|startup|company|firm|giant|maker|developer|platform|chipmaker|software|tech|technology|search|group|parent|inc|llc|ltd|corp)\b)*$/i;

/** Deterministic pseudo-random strings over pieces that exercise boundaries, case and Unicode look-alikes. */
function* samples(count: number): Generator<string> {
  const pieces = [
    " ",
    ",",
    ";",
    "/",
    "&",
    "'",
    "’",
    "(",
    ")",
    "-",
    "\t",
    "\n",
    "\u00a0",
    "\u2009",
    "\u3000",
    "\ufeff",
    "\u180e",
    ".",
    "_",
    "é",
    "ſ",
    "\u212a",
    "and",
    "AND",
    "Or",
    "und",
    "et",
    "y",
    "e",
    "plus",
    "the",
    "its",
    "s",
    "S",
    "inc",
    "LLC",
    "ltd",
    "corp",
    "co",
    "a",
    "an",
    "AI",
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
    "andor",
    "ee",
    "x",
    "1",
    "the1",
    "Co.",
    "its_",
  ];
  let seed = 12345;
  const next = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed;
  };
  for (let n = 0; n < count; n++) {
    let s = "";
    const len = next() % 6;
    for (let i = 0; i < len; i++) s += pieces[next() % pieces.length];
    yield s;
  }
}

describe("gap words", () => {
  it("treat every single UTF-16 code unit like the regular expressions", () => {
    const differing: string[] = [];
    let gaps = 0;
    for (let c = 0; c < 0x10000; c++) {
      const s = String.fromCharCode(c);
      if (onlyGapWords(s, LIST_WORDS) !== LIST_GAP.test(s)) differing.push(`list U+${c.toString(16)}`);
      if (onlyGapWords(s, SUIT_WORDS) !== SUIT_GAP.test(s)) differing.push(`suit U+${c.toString(16)}`);
      if (LIST_GAP.test(s)) gaps++;
    }
    expect(differing).toEqual([]);
    expect(gaps).toBeGreaterThan(20);
  });

  it("agree with the regular expressions on mixed strings", () => {
    let accepted = 0;
    const differing: string[] = [];
    for (const s of samples(20_000)) {
      const list = LIST_GAP.test(s);
      if (onlyGapWords(s, LIST_WORDS) !== list) differing.push(`list ${JSON.stringify(s)}`);
      if (onlyGapWords(s, SUIT_WORDS) !== SUIT_GAP.test(s)) differing.push(`suit ${JSON.stringify(s)}`);
      if (list) accepted++;
    }
    expect(differing).toEqual([]);
    expect(accepted).toBeGreaterThan(500);
    expect(onlyGapWords(" and the ", LIST_WORDS)).toBe(true);
    expect(onlyGapWords("’s AI startup ", SUIT_WORDS)).toBe(true);
    expect(onlyGapWords(" andor ", LIST_WORDS)).toBe(false);
  });
});
