/**
 * Picks the main text block of a page by paragraph-text density (a small cousin of Readability's
 * scoring): paragraphs score by length and commas, pass the score to their ancestors, and the
 * best-scoring ancestor (discounted by link density) wins, together with its strong siblings.
 */
import {
  BLOCK_TAGS,
  type DomElement,
  type DomNode,
  isElement,
  isText,
  type JunkTest,
  MAX_DEPTH,
  visibleLength,
} from "./article-dom";

/** Per-element text measures, boilerplate excluded. */
export interface TextStats {
  /** Characters of text (whitespace runs count once). */
  chars: number;
  /** Characters of that text inside links. */
  linkChars: number;
  commas: number;
}

const PARAGRAPH_TAGS = new Set(["p", "pre", "td", "blockquote"]);
const POSITIVE_NAME = /article|body|content|entry|main|page|post|text|blog|story/i;
const NEGATIVE_NAME =
  /byline|meta|widget|tags?\b|tool|caption|credit|author|date|hidden|shoutbox|skyscraper/i;

function countCommas(text: string): number {
  let n = 0;
  for (let i = text.indexOf(","); i !== -1; i = text.indexOf(",", i + 1)) n++;
  return n;
}

/** Measures the text of every non-boilerplate element under `root` in one post-order pass. */
export function measureText(root: DomElement, isJunk: JunkTest): Map<DomElement, TextStats> {
  const stats = new Map<DomElement, TextStats>();
  const visit = (el: DomElement, depth: number): TextStats => {
    const s: TextStats = { chars: 0, linkChars: 0, commas: 0 };
    if (depth <= MAX_DEPTH) {
      for (const child of el.children) {
        if (isText(child)) {
          s.chars += visibleLength(child.data);
          s.commas += countCommas(child.data);
        } else if (isElement(child) && !isJunk(child)) {
          const cs = visit(child, depth + 1);
          s.chars += cs.chars;
          s.commas += cs.commas;
          s.linkChars += child.name === "a" ? cs.chars : cs.linkChars;
        }
      }
    }
    stats.set(el, s);
    return s;
  };
  visit(root, 0);
  return stats;
}

/** Share of an element's text that sits inside links (0..1). */
export function linkDensity(s: TextStats | undefined): number {
  if (!s || s.chars === 0) return 0;
  return Math.min(1, s.linkChars / s.chars);
}

function hasBlockChild(el: DomElement): boolean {
  return el.children.some((c) => isElement(c) && BLOCK_TAGS.has(c.name));
}

function isParagraphLike(el: DomElement): boolean {
  if (PARAGRAPH_TAGS.has(el.name)) return true;
  return (el.name === "div" || el.name === "section") && !hasBlockChild(el);
}

function baseScore(el: DomElement): number {
  let score = 0;
  switch (el.name) {
    case "div":
    case "article":
    case "main":
      score += 5;
      break;
    case "section":
    case "pre":
    case "td":
    case "blockquote":
      score += 3;
      break;
    case "ol":
    case "ul":
    case "dl":
    case "dd":
    case "dt":
    case "li":
    case "address":
      score -= 3;
      break;
    case "h1":
    case "h2":
    case "h3":
    case "h4":
    case "h5":
    case "h6":
    case "th":
      score -= 5;
      break;
  }
  const names = `${el.attribs?.class ?? ""} ${el.attribs?.id ?? ""}`;
  if (POSITIVE_NAME.test(names)) score += 25;
  if (NEGATIVE_NAME.test(names)) score -= 25;
  return score;
}

function collectParagraphLike(root: DomElement, stats: Map<DomElement, TextStats>): DomElement[] {
  const out: DomElement[] = [];
  const visit = (el: DomElement, depth: number): void => {
    if (depth > MAX_DEPTH) return;
    for (const child of el.children) {
      if (!isElement(child) || !stats.has(child)) continue;
      if (isParagraphLike(child)) out.push(child);
      else visit(child, depth + 1);
    }
  };
  visit(root, 0);
  return out;
}

function parentElement(node: DomNode): DomElement | null {
  const p = node.parent;
  return p && (isElement(p) || p.type === "root") ? (p as DomElement) : null;
}

/**
 * The elements that hold the page's main text (the best candidate and its strong siblings), or an
 * empty array when no paragraph of at least 25 characters exists under `root`.
 */
export function densestBlock(root: DomElement, isJunk: JunkTest): DomElement[] {
  const stats = measureText(root, isJunk);
  const scores = new Map<DomElement, number>();
  for (const p of collectParagraphLike(root, stats)) {
    const s = stats.get(p);
    if (!s || s.chars < 25) continue;
    const contentScore = 1 + s.commas + Math.min(Math.floor(s.chars / 100), 3);
    let ancestor = parentElement(p);
    for (let level = 0; ancestor && level < 3; level++) {
      if (!stats.has(ancestor)) break;
      const prior = scores.get(ancestor) ?? baseScore(ancestor);
      const divider = level === 0 ? 1 : level === 1 ? 2 : level * 3;
      scores.set(ancestor, prior + contentScore / divider);
      if (ancestor === root) break;
      ancestor = parentElement(ancestor);
    }
  }
  let top: DomElement | null = null;
  let topScore = Number.NEGATIVE_INFINITY;
  const finalScores = new Map<DomElement, number>();
  for (const [el, score] of scores) {
    const final = score * (1 - linkDensity(stats.get(el)));
    finalScores.set(el, final);
    if (final > topScore) {
      top = el;
      topScore = final;
    }
  }
  if (!top) return [];
  const parent = top === root ? null : parentElement(top);
  if (!parent) return [top];
  const threshold = Math.max(10, topScore * 0.2);
  const picked: DomElement[] = [];
  for (const sib of parent.children) {
    if (!isElement(sib) || !stats.has(sib)) continue;
    if (sib === top) {
      picked.push(sib);
      continue;
    }
    const s = stats.get(sib);
    const ld = linkDensity(s);
    if ((finalScores.get(sib) ?? Number.NEGATIVE_INFINITY) >= threshold) picked.push(sib);
    else if (sib.name === "p" && s && s.chars > 80 && ld < 0.25) picked.push(sib);
  }
  return picked;
}
