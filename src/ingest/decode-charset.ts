import { decodeWith, demoronize, isWideCharset, resolveCharset } from "./charset-codec";

/** A decoded body and the charset that was used. */
export interface DecodedBody {
  text: string;
  /** Canonical name of the charset used, e.g. `utf-8`, `windows-1252`, `utf-16be`. */
  charset: string;
}

const PROLOG_WINDOW = 1024;
const META_WINDOW = 4096;

/** Charset announced by a byte-order mark, and the BOM length. */
function sniffBom(b: Uint8Array): { charset: string; length: number } | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { charset: "utf-8", length: 3 };
  if (b[0] === 0x00 && b[1] === 0x00 && b[2] === 0xfe && b[3] === 0xff)
    return { charset: "utf-32be", length: 4 };
  if (b[0] === 0xff && b[1] === 0xfe && b[2] === 0x00 && b[3] === 0x00)
    return { charset: "utf-32le", length: 4 };
  if (b[0] === 0xfe && b[1] === 0xff) return { charset: "utf-16be", length: 2 };
  if (b[0] === 0xff && b[1] === 0xfe) return { charset: "utf-16le", length: 2 };
  return null;
}

/** UTF-16/32 without a BOM, recognised by the NUL bytes around a leading `<` (XML spec, appendix F). */
function sniffWideWithoutBom(b: Uint8Array): string | null {
  if (b.length < 4) return null;
  if (b[0] === 0 && b[1] === 0 && b[2] === 0 && b[3] === 0x3c) return "utf-32be";
  if (b[0] === 0x3c && b[1] === 0 && b[2] === 0 && b[3] === 0) return "utf-32le";
  if (b[0] === 0 && b[1] === 0x3c && b[2] === 0) return "utf-16be";
  if (b[0] === 0x3c && b[1] === 0 && b[3] === 0) return "utf-16le";
  return null;
}

/** The `charset` parameter of a Content-Type value, quotes and spaces tolerated. */
export function charsetFromContentType(contentType: string | null | undefined): string | null {
  if (!contentType) return null;
  const m = /;\s*charset\s*=\s*("[^"]*"|'[^']*'|[^;,\s]*)/i.exec(contentType);
  return m?.[1] ? m[1] : null;
}

/** A window of the body as Latin-1 text, enough to read ASCII declarations. */
function asciiHead(b: Uint8Array, max: number): string {
  const n = Math.min(b.length, max);
  let s = "";
  for (let i = 0; i < n; i++) s += String.fromCharCode(b[i]!);
  return s;
}

/** The `encoding` pseudo-attribute of a leading XML declaration. */
function charsetFromXmlProlog(head: string): string | null {
  return /^\s*<\?xml\s[^>]*?encoding\s*=\s*["']\s*([^"'\s]+)\s*["']/i.exec(head)?.[1] ?? null;
}

/** The charset of the first `<meta charset>` or `<meta http-equiv content="...; charset=...">`, comments skipped. */
function charsetFromHtmlMeta(head: string): string | null {
  const visible = head.replace(/<!--[\s\S]*?(?:-->|$)/g, " ");
  return /<meta\s[^>]*?charset\s*=\s*["']?\s*([^\s"'/>;]+)/i.exec(visible)?.[1] ?? null;
}

/** Counts well-formed multi-byte UTF-8 sequences and invalid bytes (WHATWG decoder rules). */
function scanUtf8(b: Uint8Array): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    const need = c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : 0;
    if (need === 0) {
      invalid++;
      i++;
      continue;
    }
    const lower = c === 0xe0 ? 0xa0 : c === 0xf0 ? 0x90 : 0x80;
    const upper = c === 0xed ? 0x9f : c === 0xf4 ? 0x8f : 0xbf;
    let j = 1;
    for (; j <= need; j++) {
      const d = b[i + j];
      const lo = j === 1 ? lower : 0x80;
      const hi = j === 1 ? upper : 0xbf;
      if (d === undefined || d < lo || d > hi) break;
    }
    if (j > need) {
      valid++;
      i += need + 1;
    } else {
      invalid++;
      i += j;
    }
  }
  return { valid, invalid };
}

/** Strict UTF-8 decode, or null when the bytes are not valid UTF-8. */
function strictUtf8(b: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(b);
  } catch {
    return null;
  }
}

/**
 * UTF-8 when the bytes are UTF-8, or mostly UTF-8 with a few broken bytes (decoded with U+FFFD);
 * windows-1252 when the high bytes are mostly not UTF-8.
 */
function utf8OrWindows1252(b: Uint8Array): DecodedBody {
  const strict = strictUtf8(b);
  if (strict !== null) return { text: strict, charset: "utf-8" };
  const { valid, invalid } = scanUtf8(b);
  if (valid > 0 && valid >= invalid * 2)
    return { text: new TextDecoder("utf-8").decode(b), charset: "utf-8" };
  return { text: decodeWith("windows-1252", b), charset: "windows-1252" };
}

/** Decodes with a declared charset; a legacy label on a body that is valid non-ASCII UTF-8 is taken as mislabelled. */
function decodeDeclared(charset: string, b: Uint8Array): DecodedBody {
  if (charset === "utf-8") return utf8OrWindows1252(b);
  if (!isWideCharset(charset)) {
    const strict = strictUtf8(b);
    if (strict !== null && /[^\x00-\x7f]/.test(strict)) return { text: strict, charset: "utf-8" };
  }
  return { text: decodeWith(charset, b), charset };
}

/** A document-declared charset; UTF-16/32 declared inside an ASCII-readable document means UTF-8. */
function fromDocument(label: string | null): string | null {
  const charset = resolveCharset(label);
  return charset && isWideCharset(charset) ? "utf-8" : charset;
}

/**
 * Decodes a response body to text. Order: BOM, UTF-16/32 sniffing, Content-Type charset, XML declaration,
 * HTML `<meta>` (first 4 KiB, skipped for XML), then UTF-8 when valid, else windows-1252. Unknown labels
 * fall through to the next step; C1 controls are mapped to their windows-1252 characters; never throws.
 */
export function decodeBody(bytes: Uint8Array, contentType?: string | null): DecodedBody {
  const { text, charset } = detectAndDecode(bytes, contentType);
  return { text: demoronize(text), charset };
}

/** The detection order of decodeBody, without the C1 repair. */
function detectAndDecode(bytes: Uint8Array, contentType?: string | null): DecodedBody {
  const bom = sniffBom(bytes);
  if (bom) return { text: decodeWith(bom.charset, bytes.subarray(bom.length)), charset: bom.charset };
  const wide = sniffWideWithoutBom(bytes);
  if (wide) return { text: decodeWith(wide, bytes), charset: wide };

  const fromHeader = resolveCharset(charsetFromContentType(contentType));
  if (fromHeader) return decodeDeclared(fromHeader, bytes);

  const head = asciiHead(bytes, META_WINDOW);
  const isXml = /^\s*<\?xml\s/i.test(head);
  const fromProlog = isXml ? fromDocument(charsetFromXmlProlog(head.slice(0, PROLOG_WINDOW))) : null;
  if (fromProlog) return decodeDeclared(fromProlog, bytes);
  const fromMeta = isXml ? null : fromDocument(charsetFromHtmlMeta(head));
  if (fromMeta) return decodeDeclared(fromMeta, bytes);

  return utf8OrWindows1252(bytes);
}
