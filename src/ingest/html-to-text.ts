/** Fast HTML → plain text for feed fields: a small single-pass tokenizer, no DOM. */

import { collapseWhitespaceKeepLines, decodeEntities, stripControlChars } from "../domain/text";

/** Elements whose content is never text for a reader. */
const SKIP_CONTENT = new Set(["script", "style", "template", "noscript", "svg", "iframe", "object", "head"]);
/** Raw-text elements: without a close tag, everything after them is their content (as in HTML parsing). */
const RAW_TEXT = new Set(["script", "style"]);

/** Elements that end a line of text. */
const BLOCK = new Set([
  "address",
  "article",
  "aside",
  "blockquote",
  "br",
  "caption",
  "dd",
  "details",
  "div",
  "dl",
  "dt",
  "fieldset",
  "figcaption",
  "figure",
  "footer",
  "form",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "header",
  "hr",
  "li",
  "main",
  "nav",
  "ol",
  "p",
  "pre",
  "section",
  "summary",
  "table",
  "tbody",
  "thead",
  "tfoot",
  "tr",
  "ul",
  "body",
  "title",
]);

/** Elements that separate words without ending a line. */
const SPACED = new Set(["td", "th", "img", "input", "button", "label", "option", "select", "textarea"]);

const TAG_RE = /<(\/?)([A-Za-z][A-Za-z0-9:_.-]*)(?:[^>"']|"[^"]*"|'[^']*')*(?:>|$)/y;

/**
 * Converts an HTML fragment (or plain text) to plain text: tags stripped (block elements become line breaks,
 * cells and images a space), script/style/template content dropped, comments dropped, CDATA kept as text,
 * character references decoded exactly once, control characters removed, spaces collapsed within lines and
 * blank lines removed.
 */
export function htmlToText(html: string): string {
  if (typeof html !== "string" || html === "") return "";
  if (!html.includes("<")) return finish(decodeEntities(html));
  const out: string[] = [];
  const unclosed = new Set<string>();
  const len = html.length;
  let i = 0;
  while (i < len) {
    const lt = html.indexOf("<", i);
    if (lt === -1) {
      out.push(decodeEntities(html.slice(i)));
      break;
    }
    if (lt > i) out.push(decodeEntities(html.slice(i, lt)));
    i = readMarkup(html, lt, out, unclosed);
  }
  return finish(out.join(""));
}

function finish(text: string): string {
  return collapseWhitespaceKeepLines(stripControlChars(text));
}

/**
 * Consumes the markup that starts at `lt` (or a literal "<"), pushing any text it yields; returns the next index.
 * `unclosed` remembers skip-content elements that have no close tag further on, so they are searched for once.
 */
function readMarkup(html: string, lt: number, out: string[], unclosed: Set<string>): number {
  const next = html.charCodeAt(lt + 1);
  if (next === 33 /* ! */) {
    if (html.startsWith("<!--", lt)) return skipPast(html, lt + 4, "-->");
    if (html.startsWith("<![CDATA[", lt)) {
      const end = html.indexOf("]]>", lt + 9);
      out.push(html.slice(lt + 9, end === -1 ? html.length : end));
      return end === -1 ? html.length : end + 3;
    }
    return skipPast(html, lt + 2, ">");
  }
  if (next === 63 /* ? */) return skipPast(html, lt + 2, ">");
  TAG_RE.lastIndex = lt;
  const m = TAG_RE.exec(html);
  if (!m) {
    out.push("<");
    return lt + 1;
  }
  const closing = m[1] === "/";
  const name = m[2]!.toLowerCase();
  const end = TAG_RE.lastIndex;
  if (BLOCK.has(name)) out.push("\n");
  else if (SPACED.has(name)) out.push(" ");
  if (closing || !SKIP_CONTENT.has(name) || m[0].endsWith("/>")) return end;
  if (unclosed.has(name)) return RAW_TEXT.has(name) ? html.length : end;
  const after = skipElement(html, end, name);
  if (after === -1) {
    unclosed.add(name);
    return RAW_TEXT.has(name) ? html.length : end;
  }
  return after;
}

function skipPast(html: string, from: number, marker: string): number {
  const end = html.indexOf(marker, from);
  return end === -1 ? html.length : end + marker.length;
}

/** The index just after the element's close tag, or -1 when there is none (unclosed script/style swallow the rest). */
function skipElement(html: string, from: number, name: string): number {
  const closeRe = new RegExp(`</${name}\\s*>`, "gi");
  closeRe.lastIndex = from;
  return closeRe.exec(html) ? closeRe.lastIndex : -1;
}
