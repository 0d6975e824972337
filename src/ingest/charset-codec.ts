import iconv from "iconv-lite";

/** Cleans a charset label as found in headers and documents: quotes, spaces and case removed. */
function cleanLabel(label: string | null | undefined): string {
  if (!label) return "";
  return label
    .trim()
    .replace(/^["']+|["']+$/g, "")
    .trim()
    .toLowerCase();
}

/** True for the UTF-16 and UTF-32 family, which are not ASCII-compatible. */
export function isWideCharset(charset: string): boolean {
  return charset.startsWith("utf-16") || charset.startsWith("utf-32");
}

/**
 * Maps a label to a canonical charset this module can decode: the WHATWG name when TextDecoder knows it
 * (so `iso-8859-1` and `us-ascii` become `windows-1252`), else a label iconv-lite knows; null when unknown.
 */
export function resolveCharset(label: string | null | undefined): string | null {
  const l = cleanLabel(label);
  if (!l || l.length > 40) return null;
  if (/^(utf|ucs)[-_]?(32|4)/.test(l)) return l.endsWith("le") ? "utf-32le" : "utf-32be";
  for (const candidate of new Set([l, l.replace(/_/g, "-")])) {
    try {
      const enc = new TextDecoder(candidate).encoding;
      // WHATWG maps ISO-2022-KR, HZ and friends to "replacement", which would turn the body into U+FFFD.
      if (enc !== "replacement") return enc;
    } catch {
      // not a WHATWG label; try iconv-lite below
    }
  }
  return iconv.encodingExists(l) ? l : null;
}

// WHATWG index-windows-1252 for bytes 0x80..0x9F (the rest is Latin-1).
const WINDOWS_1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d,
  0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a,
  0x153, 0x9d, 0x17e, 0x178,
];

/**
 * Decodes windows-1252 by table. Node >= 20.18.3 decodes this label as Latin-1 (nodejs/node#60888:
 * 0x80 becomes U+0080 instead of "€"), so TextDecoder is not trusted for it.
 */
function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const codes = new Array<number>(Math.min(bytes.length, 8192));
  for (let start = 0; start < bytes.length; start += 8192) {
    const end = Math.min(bytes.length, start + 8192);
    codes.length = end - start;
    for (let i = start; i < end; i++) {
      const b = bytes[i]!;
      codes[i - start] = b >= 0x80 && b < 0xa0 ? WINDOWS_1252_HIGH[b - 0x80]! : b;
    }
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join("");
}

/**
 * Replaces C1 control characters (U+0080..U+009F), which no feed means literally, with the windows-1252
 * characters they almost always stand for ("don\u0092t" becomes "don’t"); undefined ones are kept.
 */
export function demoronize(text: string): string {
  if (!/[\u0080-\u009f]/.test(text)) return text;
  return text.replace(/[\u0080-\u009f]/g, (c) =>
    String.fromCharCode(WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80]!),
  );
}

/** Decodes bytes with a charset returned by resolveCharset (TextDecoder first, iconv-lite as fallback). */
export function decodeWith(charset: string, bytes: Uint8Array): string {
  if (charset === "windows-1252") return decodeWindows1252(bytes);
  if (!charset.startsWith("utf-32")) {
    try {
      return new TextDecoder(charset).decode(bytes);
    } catch {
      // label unknown to this runtime's TextDecoder
    }
  }
  return iconv.decode(bytes, charset);
}
