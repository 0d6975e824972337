/**
 * Main-text extraction from an article page (Node and Workers): JSON-LD articleBody when substantial,
 * else a semantic content container, else the densest text block. The text is kept for
 * classification and search only, never republished.
 */
import { load } from "cheerio/slim";
import { collapseWhitespace } from "../domain/text";
import {
  collectParagraphs,
  type DomElement,
  type DomNode,
  type JunkTest,
  junkTest,
  mainTextHolders,
  withAncestors,
} from "./article-dom";
import { type PageScan, scanPage, textContent } from "./article-scan";
import { densestBlock, linkDensity, measureText } from "./extract-density";
import { readJsonLdArticle } from "./extract-json-ld";
import { chooseTitle } from "./extract-title";

/** How the main text was found. */
export type ExtractMethod = "json-ld" | "article" | "density" | "none";

/** Result of {@link extractArticle}. */
export interface ExtractedArticle {
  title: string | null;
  /** Plain text: paragraphs separated by blank lines, whitespace collapsed. */
  text: string;
  method: ExtractMethod;
}

/** JSON-LD bodies shorter than this (characters) are treated as teasers. */
const MIN_JSON_LD_CHARS = 500;
/** JSON-LD bodies at least this long (characters) are used without looking at the page's own text. */
const TRUSTED_JSON_LD_CHARS = 2000;
/** A content container must hold at least this much text (characters) to be trusted. */
const MIN_CONTAINER_CHARS = 250;

function parse(html: string): DomNode {
  return load(html).root().get(0) as unknown as DomNode;
}

function paragraphsFromText(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map(collapseWhitespace)
    .filter((p) => p.length > 0);
}

/** Decodes entities once and drops markup from a JSON-LD body; each line becomes a paragraph. */
function jsonLdBodyText(body: string): string {
  if (!/[<&]/.test(body)) return paragraphsFromText(body).join("\n\n");
  // <hr> is a block boundary for the collector, so each line stays a paragraph.
  const root = parse(`<div>${body.replace(/\r?\n/g, "<hr>")}</div>`) as DomElement;
  return collectParagraphs([root]).join("\n\n");
}

/** Decodes entities once in a JSON-LD string (the HTML parser leaves script content raw). */
function decodeOnce(text: string | null): string | null {
  if (!text?.includes("&")) return text;
  return textContent(parse(`<div>${text}</div>`));
}

/**
 * Wrappers of the main content, never dropped for their class names: ancestors of the h1s, of main /
 * articleBody containers and of the largest <article>, plus the holders of most paragraph text.
 */
function mainWrappers(scan: PageScan, body: DomElement): Set<DomElement> {
  const [byItemprop = [], byArticle = [], , byMain = []] = scan.containers;
  const marked = [...scan.h1s, ...byItemprop, ...byMain];
  let largest: DomElement | null = null;
  let largestLength = 0;
  for (const el of byArticle) {
    const length = textContent(el).length;
    if (length > largestLength) {
      largest = el;
      largestLength = length;
    }
  }
  if (largest) marked.push(largest);
  const wrappers = withAncestors(marked);
  for (const el of mainTextHolders(body)) wrappers.add(el);
  return wrappers;
}

/** The best semantic container: the one (per group, most specific group first) with the most prose. */
function pickContainer(scan: PageScan, body: DomElement, isJunk: JunkTest): DomElement | null {
  const stats = measureText(body, isJunk);
  for (const group of scan.containers) {
    let best: DomElement | null = null;
    let bestScore = 0;
    for (const el of group) {
      const s = stats.get(el);
      if (!s) continue; // inside a dropped (boilerplate) subtree
      const score = s.chars * (1 - linkDensity(s));
      if (s.chars >= MIN_CONTAINER_CHARS && linkDensity(s) < 0.5 && score > bestScore) {
        best = el;
        bestScore = score;
      }
    }
    if (best) return best;
  }
  return null;
}

/** The h1 inside the chosen container, else the page's only h1. */
function mainH1(scan: PageScan, container: DomElement | null): string | null {
  if (container) {
    for (const h1 of scan.h1s) {
      for (let n: DomNode | null = h1; n; n = n.parent) if (n === container) return textContent(h1);
    }
  }
  const only = scan.h1s.length === 1 ? scan.h1s[0] : undefined;
  return only ? textContent(only) : null;
}

interface TextResult {
  text: string;
  method: ExtractMethod;
  container: DomElement | null;
}

function domText(scan: PageScan, root: DomElement): TextResult {
  const body = scan.body ?? root;
  const isJunk = junkTest(mainWrappers(scan, body));
  const container = pickContainer(scan, body, isJunk);
  if (container) {
    const text = collectParagraphs([container], isJunk).join("\n\n");
    if (text) return { text, method: "article", container };
  }
  const dense = collectParagraphs(densestBlock(body, isJunk), isJunk).join("\n\n");
  if (dense) return { text: dense, method: "density", container: null };
  // Tiny pages: whatever prose the body holds is the densest block there is.
  const rest = collectParagraphs([body], isJunk).join("\n\n");
  return { text: rest, method: rest ? "density" : "none", container: null };
}

function extractText(scan: PageScan, root: DomElement, ldBody: string | null): TextResult {
  const ldText = ldBody ? jsonLdBodyText(ldBody) : "";
  if (ldText.length >= TRUSTED_JSON_LD_CHARS) return { text: ldText, method: "json-ld", container: null };
  const dom = domText(scan, root);
  // A mid-sized JSON-LD body wins unless the page itself shows much more (a truncated, paywall-style body).
  if (ldText.length >= MIN_JSON_LD_CHARS && dom.text.length < ldText.length * 1.5) {
    return { text: ldText, method: "json-ld", container: null };
  }
  return dom;
}

function extract(html: string, url: string): ExtractedArticle {
  const root = parse(html) as DomElement;
  const scan = scanPage(root);
  const ld = readJsonLdArticle(scan.jsonLd);
  const { text, method, container } = extractText(scan, root, ld.body);
  const title = chooseTitle({
    ogTitle: scan.meta.get("og:title"),
    jsonLdHeadline: decodeOnce(ld.headline),
    h1: mainH1(scan, container),
    titleTag: scan.titleTag,
    siteName: scan.meta.get("og:site_name") ?? scan.meta.get("application-name"),
    url,
  });
  return { title, text, method };
}

/** Extracts the title and main text of an article page; never throws (junk in, `method: "none"` out). */
export function extractArticle(html: string, url: string): ExtractedArticle {
  try {
    if (typeof html !== "string" || html.length === 0) return { title: null, text: "", method: "none" };
    return extract(html, typeof url === "string" ? url : "");
  } catch {
    return { title: null, text: "", method: "none" };
  }
}
