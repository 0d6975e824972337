/**
 * Minimal, parser-neutral view of an HTML tree (the shape htmlparser2/domhandler builds) plus the
 * boilerplate rules and the paragraph-text collector used by the article extractor.
 */
import { collapseWhitespace } from "../domain/text";

/** Any node of the tree. */
export interface DomNode {
  type: string;
  parent: DomNode | null;
}

/** An element (or the root) with children. */
export interface DomElement extends DomNode {
  name: string;
  attribs: Record<string, string>;
  children: DomNode[];
}

/** A text node. */
export interface DomText extends DomNode {
  data: string;
}

/** A set of the space-separated words. */
function words(list: string): ReadonlySet<string> {
  return new Set(list.split(" "));
}

/** Nodes deeper than this are ignored, so a pathological tree cannot exhaust the stack. */
export const MAX_DEPTH = 400;

const DROP_TAGS = words(
  "script style noscript template nav aside header footer form figcaption iframe svg math button " +
    "select textarea input label object embed canvas video audio map dialog menu head title meta " +
    "link",
);

const DROP_ROLES = words(
  "navigation banner contentinfo complementary dialog alertdialog search menu menubar toolbar",
);

/** Words in a class or id that mark boilerplate (matched as whole words of the name). */
const JUNK_WORDS = words(
  "ad ads adv advert adverts advertisement advertising adslot adsense dfp gpt promo promos " +
    "promoted sponsor sponsored related recommended recirc newsletter newsletters share sharing " +
    "sharebar social comment comments disqus cookie cookies consent gdpr outbrain taboola breadcrumb " +
    "breadcrumbs sidebar nav navbar navigation menu masthead footer subscribe signup popup modal " +
    "banner toolbar pagination pager trending popular skip",
);

/** Containers that are never dropped by the class/id rule. */
const KEEP_TAGS = words("html body main article");

/** Tags that end a paragraph of running text. */
export const BLOCK_TAGS = words(
  "p div section article main blockquote pre ul ol li dl dt dd table thead tbody tfoot tr td th h1 " +
    "h2 h3 h4 h5 h6 hr figure address center details summary body",
);

/** True for element nodes (domhandler uses "tag", "script" and "style" as element types). */
export function isElement(node: DomNode): node is DomElement {
  return node.type === "tag" || node.type === "script" || node.type === "style";
}

/** True for text nodes. */
export function isText(node: DomNode): node is DomText {
  return node.type === "text";
}

function nameWords(value: string): string[] {
  return value.toLowerCase().split(/[^a-z0-9]+/);
}

/** True when a class/id string names boilerplate (ads, share bars, related links, cookie banners...). */
function isJunkName(value: string): boolean {
  if (!value) return false;
  for (const word of nameWords(value)) if (JUNK_WORDS.has(word)) return true;
  return false;
}

/** True when an element is invisible to readers (hidden, aria-hidden, display:none, visibility:hidden). */
function isHidden(el: DomElement): boolean {
  const a = el.attribs;
  if ("hidden" in a) return true;
  if (a["aria-hidden"] === "true") return true;
  const style = a.style;
  return style !== undefined && /(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}

/** Decides whether an element (and everything inside it) is left out of the article text. */
export type JunkTest = (el: DomElement) => boolean;

/**
 * A junk test: boilerplate tags, hidden elements, boilerplate roles, and class/id names such as
 * "share" or "related" — except on `keep` elements (wrappers of the main content, whose layout
 * class names like "page-ad-margins" must not sink the article).
 */
export function junkTest(keep: ReadonlySet<DomElement> = new Set()): JunkTest {
  const memo = new Map<DomElement, boolean>();
  const decide = (el: DomElement): boolean => {
    if (DROP_TAGS.has(el.name) || el.type !== "tag") return true;
    if (isHidden(el)) return true;
    const role = el.attribs.role;
    if (role !== undefined && DROP_ROLES.has(role.toLowerCase())) return true;
    if (KEEP_TAGS.has(el.name) || el.attribs.itemprop === "articleBody" || keep.has(el)) return false;
    const { class: cls, id } = el.attribs;
    return (cls !== undefined && isJunkName(cls)) || (id !== undefined && isJunkName(id));
  };
  return (el) => {
    let junk = memo.get(el);
    if (junk === undefined) {
      junk = decide(el);
      memo.set(el, junk);
    }
    return junk;
  };
}

/**
 * Elements holding at least `share` of all paragraph (`<p>`) text of the page, counting text the
 * class/id rule would drop: the wrappers of the main content, whatever their class names say.
 */
export function mainTextHolders(root: DomElement, share = 0.4): Set<DomElement> {
  const pChars = new Map<DomElement, number>();
  const textOf = (el: DomElement, depth: number): number => {
    let n = 0;
    if (depth > MAX_DEPTH) return n;
    for (const child of el.children) {
      if (isText(child)) n += visibleLength(child.data);
      else if (isElement(child) && !DROP_TAGS.has(child.name) && child.type === "tag")
        n += textOf(child, depth + 1);
    }
    return n;
  };
  const visit = (el: DomElement, depth: number): number => {
    if (depth > MAX_DEPTH) return 0;
    let n = 0;
    for (const child of el.children) {
      if (!isElement(child) || child.type !== "tag" || DROP_TAGS.has(child.name)) continue;
      n += child.name === "p" ? textOf(child, depth + 1) : visit(child, depth + 1);
    }
    pChars.set(el, n);
    return n;
  };
  const total = visit(root, 0);
  const out = new Set<DomElement>();
  if (total === 0) return out;
  for (const [el, n] of pChars) if (n >= total * share) out.add(el);
  return out;
}

/** The given elements and all their ancestors: the wrappers that hold the main content. */
export function withAncestors(elements: readonly DomElement[]): Set<DomElement> {
  const out = new Set<DomElement>();
  for (const el of elements) {
    let node: DomNode | null = el;
    while (node && isElement(node) && !out.has(node)) {
      out.add(node);
      node = node.parent;
    }
  }
  return out;
}

/** Length of a text with each whitespace run counted as one character. */
export function visibleLength(text: string): number {
  let n = 0;
  let space = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const ws = c === 32 || c === 10 || c === 9 || c === 13 || c === 12 || c === 160;
    if (ws) {
      if (!space) n++;
      space = true;
    } else {
      n++;
      space = false;
    }
  }
  return n;
}

interface Collector {
  paragraphs: string[];
  parts: string[];
  linkChars: number;
}

function flush(c: Collector): void {
  if (c.parts.length === 0) return;
  const text = collapseWhitespace(c.parts.join(""));
  const linkChars = c.linkChars;
  c.parts = [];
  c.linkChars = 0;
  if (!text) return;
  // A short block made mostly of links is a link list ("Related: ...", tag clouds), not prose.
  if (linkChars / text.length > 0.6 && text.length < 300) return;
  c.paragraphs.push(text);
}

function walk(el: DomElement, c: Collector, depth: number, inLink: boolean, isJunk: JunkTest): void {
  if (depth > MAX_DEPTH) return;
  for (const child of el.children) {
    if (isText(child)) {
      c.parts.push(child.data);
      if (inLink) c.linkChars += collapseWhitespace(child.data).length;
      continue;
    }
    if (!isElement(child) || isJunk(child)) continue;
    const name = child.name;
    if (name === "br") {
      c.parts.push("\n");
      continue;
    }
    const block = BLOCK_TAGS.has(name);
    if (block) flush(c);
    walk(child, c, depth + 1, inLink || name === "a", isJunk);
    if (block) flush(c);
    else if (name === "img") c.parts.push(" ");
  }
}

/** The readable paragraphs under the given elements, boilerplate removed, in document order. */
export function collectParagraphs(roots: readonly DomElement[], isJunk: JunkTest = junkTest()): string[] {
  const c: Collector = { paragraphs: [], parts: [], linkChars: 0 };
  for (const root of roots) {
    flush(c);
    walk(root, c, 0, root.name === "a", isJunk);
  }
  flush(c);
  return c.paragraphs;
}
