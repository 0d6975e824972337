/** Looks at the start of a fetched document to tell JSON, HTML and XML feeds apart before any parsing. */

/** What the start of a document looks like. */
export interface DocumentSniff {
  kind: "empty" | "json" | "html" | "xml" | "unknown";
  /** Root element name as written (xml/html), e.g. `rss`, `feed`, `rdf:RDF`, `atom:feed`. */
  root?: string;
  /** The root element's start tag, attributes included (at most a few KB). */
  rootTag?: string;
  /** Characters before the first markup that are not whitespace (a strict XML parser rejects them). */
  leadingJunk?: boolean;
  /** The document declares `<!DOCTYPE html>` (some feeds do; the root element decides). */
  htmlDoctype?: boolean;
}

const MAX_SCAN = 256 * 1024;

/** Classifies a document by its first meaningful characters; skips BOM, prolog, comments and DOCTYPE. */
export function sniffDocument(text: string): DocumentSniff {
  const len = Math.min(text.length, MAX_SCAN);
  let i = 0;
  while (i < len && isSpace(text.charCodeAt(i))) i++;
  if (i >= text.length) return { kind: "empty" };
  const first = text[i];
  if (first === "{" || first === "[") return { kind: "json" };
  let leadingJunk = false;
  let htmlDoctype = false;
  if (first !== "<") {
    const lt = text.indexOf("<", i);
    if (lt === -1 || lt - i > 1024) return { kind: "unknown" };
    leadingJunk = true;
    i = lt;
  }
  while (i < len) {
    if (text.startsWith("<?", i)) {
      i = after(text, i + 2, "?>");
    } else if (text.startsWith("<!--", i)) {
      i = after(text, i + 4, "-->");
    } else if (/^<!doctype/i.test(text.slice(i, i + 9))) {
      if (/^<!doctype\s+html\b/i.test(text.slice(i, i + 20))) htmlDoctype = true;
      i = skipDoctype(text, i + 9);
    } else if (text[i] === "<") {
      const m = /^<([A-Za-z_][\w.:-]*)(?:[^>"']|"[^"]*"|'[^']*'){0,8192}>?/.exec(text.slice(i, i + 9000));
      if (!m) return { kind: htmlDoctype ? "html" : "unknown", leadingJunk };
      const root = m[1]!;
      const lower = root.toLowerCase();
      const kind = lower === "html" || lower === "head" || lower === "body" ? "html" : "xml";
      return { kind, root, rootTag: m[0], leadingJunk, htmlDoctype };
    } else if (isSpace(text.charCodeAt(i))) {
      i++;
    } else {
      leadingJunk = true;
      const lt = text.indexOf("<", i);
      if (lt === -1) return { kind: htmlDoctype ? "html" : "unknown", leadingJunk };
      i = lt;
    }
  }
  return { kind: htmlDoctype ? "html" : "unknown", leadingJunk };
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xfeff || c === 0xa0;
}

function after(text: string, from: number, marker: string): number {
  const end = text.indexOf(marker, from);
  return end === -1 ? text.length : end + marker.length;
}

/** Skips `<!DOCTYPE ...>` including an internal subset in brackets. */
function skipDoctype(text: string, from: number): number {
  const gt = text.indexOf(">", from);
  const bracket = text.indexOf("[", from);
  if (bracket !== -1 && (gt === -1 || bracket < gt)) {
    const close = text.indexOf("]", bracket);
    return close === -1 ? text.length : after(text, close, ">");
  }
  return gt === -1 ? text.length : gt + 1;
}
