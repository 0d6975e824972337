/**
 * Character classes shared by the pattern compiler and the scanner: case folding, diacritics folding
 * (Díaz = Diaz), separators and CJK handling, all through one static lookup table indexed by UTF-16 code
 * unit. Letters outside Latin and CJK fall into a few buckets; patterns using them are verified on a match.
 */

/** Characters skipped entirely (combining marks, zero-width and soft-hyphen characters). */
export const IGNORE = 0;
/** Word separator (space, most punctuation, emoji halves). */
export const SEP = 1;
/** Separator that may end a sentence (. ! ? newline and their CJK forms). */
export const SEP_END = 2;
/** First of the 10 digit classes (0 = 3 … 9 = 12). */
export const DIGIT_0 = 3;
/** First of the 26 Latin letter classes (a = 13 … z = 38). */
export const LETTER_A = 13;
/** First of the buckets for other letters (Greek, Cyrillic, Arabic, Hebrew, Indic, Hangul…). */
export const OTHER_WORD = 39;
/** First of the buckets for CJK characters (they need no separators around them). */
export const CJK = 43;
const BUCKETS = 4;
/** Number of classes (transition table width). */
export const CLASSES = CJK + BUCKETS;

/** Blocks of CJK characters (kana, ideographs, half-width kana). */
const CJK_RANGES: readonly [number, number][] = [
  [0x3040, 0x30fa],
  [0x30fc, 0x30ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xf900, 0xfaff],
  [0xff66, 0xff9f],
];

/** Blocks of other letters that separate words with spaces like Latin. */
const WORD_RANGES: readonly [number, number][] = [
  [0x0370, 0x052f], // Greek, Cyrillic
  [0x0531, 0x058f], // Armenian
  [0x05d0, 0x05ea], // Hebrew
  [0x0620, 0x064a], // Arabic
  [0x066e, 0x06d3],
  [0x0900, 0x0dff], // Indic scripts
  [0x0e00, 0x0e7f], // Thai
  [0x1100, 0x11ff], // Hangul Jamo
  [0xac00, 0xd7a3], // Hangul syllables
];

/**
 * Folded letter of U+00C0..U+024F and U+1E00..U+1EFF (Latin with diacritics): "a".."z" after removing
 * diacritics (ß→s, æ→a, ø→o, ł→l …), "*" for other letters, " " for non-letters. Precomputed from Unicode
 * decomposition so that building the table costs nothing at startup.
 */
const LATIN_1_EXT =
  "aaaaaaaceeeeiiiidnooooo ouuuuytsaaaaaaaceeeeiiiidnooooo ouuuuytyaaaaaaccccccccddddeeeeeeeeeegggg" +
  "gggghhhhiiiiiiiiii**jjkk llllll**llnnnnnn***oooooooorrrrrrsssssssstttt**uuuuuuuuuuuuwwyyyzzzzzz*" +
  "************* ************* ****oo********  ***uu*********  ** *    *********aaiioouuuuuuuuuu*aa" +
  "aa****ggkkoooo**j***gg**nnaa****aaaaeeeeiiiioooorrrruuuusstt**hh* ****aaeeooooooooyy      ******" +
  "****************";
const LATIN_EXT_ADDITIONAL =
  "aabbbbbbccddddddddddeeeeeeeeeeffgghhhhhhhhhhiiiikkkkkkllllllllmmmmmmnnnnnnnnoooooooopppprrrrrrrr" +
  "ssssssssssttttttttuuuuuuuuuuvvvvwwwwwwwwwwxxxxyyzzzzzzhtwy**  s aaaaaaaaaaaaaaaaaaaaaaaaeeeeeeee" +
  "eeeeeeeeiiiioooooooooooooooooooooooouuuuuuuuuuuuuuyyyyyyyy******";

function foldInto(t: Uint16Array, first: number, folded: string): void {
  for (let i = 0; i < folded.length; i++) {
    const f = folded.charCodeAt(i);
    const code = first + i;
    t[code] = f === 32 ? SEP : f === 42 ? OTHER_WORD + (code & (BUCKETS - 1)) : LETTER_A + f - 97;
  }
}

/** Classes `base + (c & 3)` for c in [from, to]: four written, the rest copied natively in doubling blocks. */
function fillBuckets(t: Uint16Array, from: number, to: number, base: number): void {
  const end = to + 1;
  for (let c = from; c < Math.min(end, from + BUCKETS); c++) t[c] = base + (c & (BUCKETS - 1));
  // blocks of a multiple of BUCKETS keep each code's bucket (c & 3)
  for (let len = BUCKETS; from + len < end; len *= 2)
    t.copyWithin(from + len, from, Math.min(from + len, end - len));
}

let table: Uint16Array | undefined;

/** The class of every UTF-16 code unit (built once). */
export function classTable(): Uint16Array {
  if (table) return table;
  const t = new Uint16Array(65536).fill(SEP);
  for (let c = 65; c <= 90; c++) t[c] = LETTER_A + c - 65;
  for (let c = 97; c <= 122; c++) t[c] = LETTER_A + c - 97;
  for (let c = 48; c <= 57; c++) t[c] = DIGIT_0 + c - 48;
  for (const c of [0x2e, 0x21, 0x3f, 0x0a, 0x0d, 0x2029, 0x3002, 0xff01, 0xff1f, 0xff0e, 0x061f, 0x06d4])
    t[c] = SEP_END;
  foldInto(t, 0xc0, LATIN_1_EXT);
  foldInto(t, 0x1e00, LATIN_EXT_ADDITIONAL);
  t[0xd7] = SEP;
  t[0xf7] = SEP;
  t[0xaa] = LETTER_A;
  t[0xba] = LETTER_A + 14;
  for (const [from, to] of WORD_RANGES) fillBuckets(t, from, to, OTHER_WORD);
  for (const [from, to] of CJK_RANGES) fillBuckets(t, from, to, CJK);
  t[0x30fb] = SEP; // katakana middle dot
  for (let c = 0; c < 10; c++) {
    t[0xff10 + c] = DIGIT_0 + c; // full-width digits
    t[0x0660 + c] = DIGIT_0 + c; // Arabic-Indic digits
    t[0x06f0 + c] = DIGIT_0 + c;
  }
  for (let c = 0; c < 26; c++) {
    t[0xff21 + c] = LETTER_A + c; // full-width Latin
    t[0xff41 + c] = LETTER_A + c;
  }
  t.fill(IGNORE, 0x0300, 0x0370); // combining diacritics (decomposed text)
  t.fill(IGNORE, 0x064b, 0x0660); // Arabic vowel marks
  for (const c of [0x00ad, 0x0640, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff]) t[c] = IGNORE;
  table = t;
  return t;
}

/*
 * Pattern keys are written in "canonical characters", one per class, ordered like the classes: a space for
 * SEP, "0"-"9" for digits, "a"-"z" for letters, U+E000.. for the buckets. Plain ASCII terms thus need only
 * native lower-casing to become keys, and keys stay printable (they are stored as JSON).
 */
/** The canonical character of a separator. */
export const SEP_CHAR = " ";
/** Its code. */
export const SEP_CODE = 32;
const BUCKET_CHAR = 0xe000;

/** The canonical character of a class (see above). */
export function canonicalOf(cls: number): number {
  if (cls <= SEP_END) return SEP_CODE;
  if (cls < LETTER_A) return 48 + cls - DIGIT_0;
  if (cls < OTHER_WORD) return 97 + cls - LETTER_A;
  return BUCKET_CHAR + cls - OTHER_WORD;
}

/** True when a canonical character stands for a CJK class. */
export function isCjkCanonical(ch: number): boolean {
  return ch >= BUCKET_CHAR + CJK - OTHER_WORD;
}

/** True when a key uses bucket classes (several characters share them, so matches are verified). */
export function hasBucketClass(key: string): boolean {
  for (let i = 0; i < key.length; i++) if (key.charCodeAt(i) >= BUCKET_CHAR) return true;
  return false;
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const NON_WORD_ASCII = /[^a-z0-9]+/g;

/**
 * The classes of a pattern text as the scanner will see them, as canonical characters: separator runs
 * collapsed to one SEP, a SEP between CJK and other word characters, no separators at either end.
 */
export function classKey(text: string): string {
  if (PRINTABLE_ASCII.test(text)) {
    const key = text.toLowerCase().replace(NON_WORD_ASCII, SEP_CHAR);
    const from = key.charCodeAt(0) === SEP_CODE ? 1 : 0;
    const to = key.length > from && key.charCodeAt(key.length - 1) === SEP_CODE ? key.length - 1 : key.length;
    return key.slice(from, to);
  }
  const t = classTable();
  let out = "";
  let last = -1;
  let prevCjk = false;
  for (let i = 0; i < text.length; i++) {
    const c = t[text.charCodeAt(i)]!;
    if (c === IGNORE) continue;
    if (c <= SEP_END) {
      if (last > SEP) {
        out += SEP_CHAR;
        last = SEP;
      }
      continue;
    }
    const cjk = c >= CJK;
    if (last > SEP && cjk !== prevCjk) out += SEP_CHAR;
    prevCjk = cjk;
    out += String.fromCharCode(canonicalOf(c));
    last = c;
  }
  return last === SEP ? out.slice(0, -1) : out;
}

/**
 * The exact word characters of a text slice, folded: Latin letters and digits by class, other characters in
 * lower case; separators and ignored characters left out. Used to verify matches of bucketed patterns.
 */
export function foldedKey(text: string, start: number, end: number): string {
  const t = classTable();
  let out = "";
  for (let i = Math.max(0, start); i < end && i < text.length; i++) {
    const code = text.charCodeAt(i);
    const c = t[code]!;
    if (c <= SEP_END) continue;
    out += c >= OTHER_WORD ? String.fromCharCode(code).toLowerCase() : String.fromCharCode(c);
  }
  return out;
}
