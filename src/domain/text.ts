/** Pure text helpers used on every untrusted string from a feed. */

import { NAMED_ENTITIES } from "./html-entities";

/** Collapses every run of whitespace (Unicode spaces included) to one space and trims both ends. */
export function collapseWhitespace(s: string): string {
  return s.replace(/[\s\u200b]+/g, " ").trim();
}

/**
 * Collapses spaces within lines and runs of line breaks to one `\n`, trimming each line; keeps paragraph
 * structure for long texts.
 */
export function collapseWhitespaceKeepLines(s: string): string {
  return s.replace(/[\s\u200b]+/g, (run) => (/[\n\r\u2028\u2029]/.test(run) ? "\n" : " ")).trim();
}

/** C0/C1 controls (not tab, LF, CR), bidi embeddings/overrides/isolates (U+202A–U+202E, U+2066–U+2069), non-characters. */
const CONTROL_RE =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufdd0-\ufdef\ufffe\uffff]/g;
const LONE_SURROGATE_RE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Removes C0/C1 control characters (tab and newline kept, CR turned into newline), the bidi embedding, override
 * and isolate controls that can spoof text direction (U+202A–U+202E, U+2066–U+2069; the LRM/RLM marks U+200E/U+200F
 * stay), lone surrogates and non-characters such as U+FFFE/U+FFFF.
 */
export function stripControlChars(s: string): string {
  const lf = s.includes("\r") ? s.replace(/\r\n?/g, "\n") : s;
  const clean = lf.replace(CONTROL_RE, "");
  return /[\ud800-\udfff]/.test(clean) ? clean.replace(LONE_SURROGATE_RE, "") : clean;
}

/**
 * Shortens `s` to at most `max` characters, cutting at the last word boundary (falls back to a hard cut when
 * the text has no space in its second half) and appending "…"; shorter text is returned unchanged.
 */
export function truncateAtWord(s: string, max = 300): string {
  if (s.length <= max) return s;
  if (max < 2) return "…".slice(0, max);
  let cut = s.slice(0, max - 1);
  const boundary = cut.search(/\s\S*$/);
  if (boundary >= Math.floor(max / 2)) cut = cut.slice(0, boundary);
  else if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1); // never split a surrogate pair
  return `${cut.replace(/[\s,;:\-–—]+$/u, "")}…`;
}

/** Code points 128–159 in numeric references mean windows-1252 characters (HTML spec). */
const WINDOWS_1252: Record<number, number> = {
  128: 0x20ac,
  130: 0x201a,
  131: 0x0192,
  132: 0x201e,
  133: 0x2026,
  134: 0x2020,
  135: 0x2021,
  136: 0x02c6,
  137: 0x2030,
  138: 0x0160,
  139: 0x2039,
  140: 0x0152,
  142: 0x017d,
  145: 0x2018,
  146: 0x2019,
  147: 0x201c,
  148: 0x201d,
  149: 0x2022,
  150: 0x2013,
  151: 0x2014,
  152: 0x02dc,
  153: 0x2122,
  154: 0x0161,
  155: 0x203a,
  156: 0x0153,
  158: 0x017e,
  159: 0x0178,
};

/** Turns a numeric character reference's value into text, as browsers do (invalid → U+FFFD). */
function codePointToText(cp: number): string {
  if (cp >= 128 && cp <= 159) return String.fromCodePoint(WINDOWS_1252[cp] ?? cp);
  if (!Number.isFinite(cp) || cp <= 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return "\ufffd";
  return String.fromCodePoint(cp);
}

const ENTITY_RE = /&(?:#(\d{1,8})|#[xX]([0-9a-fA-F]{1,7})|([A-Za-z][A-Za-z0-9]{1,31}));?/g;

/**
 * Decodes HTML character references exactly once: numeric (decimal/hex, `;` optional) and the HTML 4 named set
 * (`;` required); unknown names are left as they are, so `&amp;lt;` becomes the text `&lt;`.
 */
export function decodeEntities(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(
    ENTITY_RE,
    (whole, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
      if (dec !== undefined) return codePointToText(Number.parseInt(dec, 10));
      if (hex !== undefined) return codePointToText(Number.parseInt(hex, 16));
      if (name !== undefined && whole.endsWith(";")) return NAMED_ENTITIES.get(name) ?? whole;
      return whole;
    },
  );
}
