/**
 * A linear pre-pass over raw feed XML: text constructs (title, summary, content, description...) that hold raw
 * child elements get that markup rewritten as one escaped HTML string, so the XML parser sees their text in
 * document order (xml2js keeps an element's own text apart from its children and loses the order).
 */

/** Local names of the elements whose value is text or HTML (Atom 1.0, Atom 0.3, RSS 0.9x–2.0, RSS 1.0). */
const TEXT_FIELDS = new Set([
  "title",
  "subtitle",
  "summary",
  "content",
  "rights",
  "description",
  "tagline",
  "copyright",
]);

/** HTML elements that never have content: accepted without a close tag, written without one. */
const VOID = new Set([
  "area",
  "base",
  "br",
  "col",
  "embed",
  "hr",
  "img",
  "input",
  "link",
  "meta",
  "param",
  "source",
  "track",
  "wbr",
]);

/** How the document's text constructs are to be read. */
export interface InlineMarkupOptions {
  /** Atom semantics: text is text unless `type="html"`, and `type="xhtml"` content sits in a wrapper div. */
  atom: boolean;
  /** Namespace prefixes bound to the feed's own namespace (Atom or RSS 1.0), e.g. `atom` in `<atom:title>`. */
  prefixes?: readonly string[];
}

/** A start tag, end tag or other markup read at one `<`; `end` is the index just past it. */
interface Tag {
  kind: "open" | "empty" | "close" | "skip" | "bad" | "cdata" | "text";
  end: number;
  name: string;
  attrs: string;
}

/**
 * Start/end tags: name, then attributes with quoted values that may hold `>` but never `<` (not allowed in XML
 * attribute values), so a match never runs past the next `<` and the whole scan stays linear.
 */
const TAG_RE = /<(\/?)([A-Za-z_:\u00c0-\uffff][\w:.\-\u00b7-\uffff]*)((?:[^<>"']|"[^<"]*"|'[^<']*')*)>/y;
const ATTR_RE = /([^\s=/"'<>]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+))?/g;
const XML_REF_RE = /&(?:(lt|gt|amp|quot|apos)|#(\d{1,7})|#x([0-9a-f]{1,6}));/gi;
const XML_REFS: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/**
 * Rewrites every text construct whose content has child elements (balanced; HTML void elements may stay
 * unclosed) as escaped HTML text: element prefixes and `xmlns` attributes dropped, comments dropped, CDATA
 * escaped, the Atom `type="xhtml"` wrapper div removed and `type="xhtml"`/`"text"` changed to `"html"`. Fields
 * without child elements, and fields whose markup does not balance, are left byte for byte; a document without
 * such fields comes back unchanged. One pass, linear in the length of the text.
 */
export function escapeInlineMarkup(xml: string, opts: InlineMarkupOptions): string {
  const prefixes = new Set((opts.prefixes ?? []).map((p) => p.toLowerCase()));
  const out: string[] = [];
  let copied = 0;
  let i = 0;
  for (;;) {
    const lt = xml.indexOf("<", i);
    if (lt === -1) break;
    const tag = readTag(xml, lt);
    i = tag.end;
    if (tag.kind !== "open" || !isTextField(tag.name, prefixes)) continue;
    const field = readField(xml, lt, tag, opts.atom);
    i = field.resume;
    if (field.html === undefined) continue;
    out.push(xml.slice(copied, lt), field.startTag, escapeXml(field.html));
    copied = field.innerEnd;
  }
  if (copied === 0) return xml;
  out.push(xml.slice(copied));
  return out.join("");
}

function isTextField(name: string, prefixes: Set<string>): boolean {
  const lower = name.toLowerCase();
  if (lower === "content:encoded") return true;
  const colon = lower.indexOf(":");
  if (colon !== -1 && !prefixes.has(lower.slice(0, colon))) return false;
  return TEXT_FIELDS.has(colon === -1 ? lower : lower.slice(colon + 1));
}

function readTag(xml: string, lt: number): Tag {
  const next = xml.charCodeAt(lt + 1);
  if (next === 33 /* ! */) {
    if (xml.startsWith("<![CDATA[", lt))
      return { kind: "cdata", end: endOf(xml, lt + 9, "]]>"), name: "", attrs: "" };
    const marker = xml.startsWith("<!--", lt) ? "-->" : ">";
    return { kind: "skip", end: endOf(xml, lt + 2, marker), name: "", attrs: "" };
  }
  if (next === 63 /* ? */) return { kind: "skip", end: endOf(xml, lt + 2, "?>"), name: "", attrs: "" };
  TAG_RE.lastIndex = lt;
  const m = TAG_RE.exec(xml);
  if (!m) {
    // a tag that is not well-formed (open quote, `<` inside it, no `>`), or a lone `<` in text
    const bad = next === 47 /* / */ || /[A-Za-z_:\u00c0-\uffff]/.test(xml[lt + 1] ?? "");
    return { kind: bad ? "bad" : "text", end: lt + 1, name: "", attrs: "" };
  }
  const attrs = m[3]!;
  const kind = m[1] ? "close" : attrs.endsWith("/") ? "empty" : "open";
  return { kind, end: TAG_RE.lastIndex, name: m[2]!, attrs: kind === "empty" ? attrs.slice(0, -1) : attrs };
}

function endOf(xml: string, from: number, marker: string): number {
  const at = xml.indexOf(marker, from);
  return at === -1 ? xml.length : at + marker.length;
}

interface FieldResult {
  /** Where the outer scan continues. */
  resume: number;
  /** The field's content as HTML, when it is to be rewritten. */
  html?: string;
  /** The field's start tag, `type` adjusted. */
  startTag: string;
  /** Index of the field's end tag. */
  innerEnd: number;
}

/** Reads one text construct from its start tag to its end tag, converting its content on the way. */
function readField(xml: string, startAt: number, start: Tag, atom: boolean): FieldResult {
  const type = attrValue(start.attrs, "type")?.value.trim().toLowerCase();
  // Atom content is text unless typed as HTML; RSS fields (and Atom type="html") hold HTML source as text
  const htmlText = !atom || type === "html" || type === "text/html";
  const closeName = start.name.toLowerCase();
  const pieces: string[] = [];
  const stack: string[] = [];
  let elements = false;
  let wrapper: { open: number; close: number; div: boolean } | null = null;
  let looseText = false; // text or a second element beside the first top-level element
  let i = start.end;
  const fail = (resume: number): FieldResult => ({ resume, startTag: "", innerEnd: 0 });
  for (;;) {
    const lt = xml.indexOf("<", i);
    if (lt === -1) return fail(xml.length); // never closed
    if (lt > i) {
      const run = xml.slice(i, lt);
      pieces.push(htmlText ? decodeXmlRefs(run) : run);
      if (stack.length === 0 && run.trim() !== "") looseText = true;
    }
    const tag = readTag(xml, lt);
    i = tag.end;
    if (tag.kind === "bad") return fail(lt);
    if (tag.kind === "text") {
      pieces.push("&lt;");
      if (stack.length === 0) looseText = true;
    } else if (tag.kind === "cdata") {
      const text = xml.slice(lt + 9, Math.max(lt + 9, tag.end - 3));
      pieces.push(htmlText ? text : escapeXml(text));
      if (stack.length === 0 && text.trim() !== "") looseText = true;
    } else if (tag.kind === "open" || tag.kind === "empty") {
      const local = localName(tag.name);
      const isVoid = VOID.has(local);
      if (stack.length === 0) {
        if (wrapper) looseText = true;
        else wrapper = { open: pieces.length, close: -1, div: local === "div" };
      }
      elements = true;
      pieces.push(`<${local}${htmlAttrs(tag.attrs)}${tag.kind === "empty" && isVoid ? " /" : ""}>`);
      if (tag.kind === "empty" && !isVoid) pieces.push(`</${local}>`);
      if (tag.kind === "open" && !isVoid) stack.push(tag.name.toLowerCase());
      if (wrapper && stack.length === 0 && wrapper.close === -1) wrapper.close = pieces.length - 1;
    } else if (tag.kind === "close") {
      const name = tag.name.toLowerCase();
      if (stack.length === 0) {
        if (name !== closeName || !elements) return fail(name === closeName ? tag.end : lt);
        const html = unwrap(pieces, atom && type === "xhtml" && !looseText ? wrapper : null);
        return {
          resume: tag.end,
          html,
          startTag: retype(xml.slice(startAt, start.end), start.attrs, atom, type),
          innerEnd: lt,
        };
      }
      if (name === stack[stack.length - 1]) {
        stack.pop();
        pieces.push(`</${localName(tag.name)}>`);
        if (stack.length === 0 && wrapper && wrapper.close === -1) wrapper.close = pieces.length - 1;
      } else if (!VOID.has(localName(tag.name))) {
        return fail(lt); // unbalanced markup: leave the field to the parser
      }
    }
  }
}

function localName(name: string): string {
  const colon = name.lastIndexOf(":");
  return (colon === -1 ? name : name.slice(colon + 1)).toLowerCase();
}

/** The converted content, without the Atom xhtml wrapper div when there is exactly one. */
function unwrap(pieces: string[], wrapper: { open: number; close: number; div: boolean } | null): string {
  if (!wrapper?.div || wrapper.close === -1) return pieces.join("");
  return pieces.slice(wrapper.open + 1, wrapper.close).join("");
}

/** Attributes as HTML: namespace declarations dropped, the rest kept as written. */
function htmlAttrs(attrs: string): string {
  let out = "";
  for (const m of attrs.matchAll(ATTR_RE)) {
    const name = m[1]!;
    if (name === "xmlns" || name.startsWith("xmlns:")) continue;
    out += m[2] === undefined ? ` ${name}` : ` ${name}=${m[2]}`;
  }
  return out;
}

function attrValue(
  attrs: string,
  wanted: string,
): { value: string; index: number; length: number } | undefined {
  for (const m of attrs.matchAll(ATTR_RE)) {
    if (m[1]!.toLowerCase() !== wanted || m[2] === undefined) continue;
    const raw = m[2];
    const quoted = raw.startsWith('"') || raw.startsWith("'");
    return { value: quoted ? raw.slice(1, -1) : raw, index: m.index, length: m[0].length };
  }
  return undefined;
}

/** The start tag with `type="xhtml"`, `"text"` or `"text/plain"` turned into `type="html"` (Atom only). */
function retype(startTag: string, attrs: string, atom: boolean, type: string | undefined): string {
  if (!atom || (type !== "xhtml" && type !== "text" && type !== "text/plain")) return startTag;
  const found = attrValue(attrs, "type");
  if (!found) return startTag;
  const at = startTag.length - 1 - attrs.length + found.index;
  return `${startTag.slice(0, at)}type="html"${startTag.slice(at + found.length)}`;
}

function escapeXml(s: string): string {
  return s.replace(/[&<>]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : "&gt;"));
}

/** Decodes the XML predefined and numeric references (the text of an HTML-source field is HTML once decoded). */
function decodeXmlRefs(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(
    XML_REF_RE,
    (whole, name: string | undefined, dec: string | undefined, hex: string | undefined) => {
      if (name !== undefined) return XML_REFS[name.toLowerCase()] ?? whole;
      const cp = Number.parseInt(dec ?? hex!, dec !== undefined ? 10 : 16);
      return cp > 0 && cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff) ? String.fromCodePoint(cp) : whole;
    },
  );
}
