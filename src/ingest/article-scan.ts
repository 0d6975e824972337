/**
 * One pass over a parsed page that gathers everything the article extractor looks up: JSON-LD
 * scripts, title metadata, h1s and the candidate content containers. Cheaper than one CSS query each.
 */
import { type DomElement, type DomNode, isElement, isText, MAX_DEPTH } from "./article-dom";

/** What one scan of the page found, in document order. */
export interface PageScan {
  body: DomElement | null;
  jsonLd: string[];
  /** Lower-cased meta property/name → content (first occurrence wins). */
  meta: Map<string, string>;
  titleTag: string | null;
  h1s: DomElement[];
  /** Candidate containers, most specific group first: itemprop=articleBody, article, known classes, main. */
  containers: DomElement[][];
}

/** Class or id tokens of common article-body containers (WordPress, Vox, news CMSes). */
const CONTENT_NAME =
  /(?:^|\s)(?:article-body|article__body|articlebody|article-content|article__content|article-text|story-body|story-content|story-text|entry-content|post-content|post-body|content-body|c-entry-content|body-copy)(?:\s|$)/i;
const META_KEYS = new Set(["og:title", "og:site_name", "application-name"]);

/** Concatenated text of all descendants (no boilerplate filtering). */
export function textContent(node: DomNode, depth = 0): string {
  if (isText(node)) return node.data;
  if (!("children" in node) || depth > MAX_DEPTH) return "";
  let out = "";
  for (const child of (node as DomElement).children) out += textContent(child, depth + 1);
  return out;
}

function hasContentClass(el: DomElement): boolean {
  const { id, class: cls } = el.attribs;
  return (id !== undefined && CONTENT_NAME.test(id)) || (cls !== undefined && CONTENT_NAME.test(cls));
}

/** Scans the document rooted at `root` once. */
export function scanPage(root: DomNode): PageScan {
  const scan: PageScan = {
    body: null,
    jsonLd: [],
    meta: new Map(),
    titleTag: null,
    h1s: [],
    containers: [[], [], [], []],
  };
  const [byItemprop, byArticle, byClass, byMain] = scan.containers as [
    DomElement[],
    DomElement[],
    DomElement[],
    DomElement[],
  ];
  const visit = (parent: DomElement, depth: number): void => {
    if (depth > MAX_DEPTH) return;
    for (const child of parent.children) {
      if (!isElement(child)) continue;
      const a = child.attribs;
      switch (child.name) {
        case "script":
          if (a.type?.trim().toLowerCase() === "application/ld+json") scan.jsonLd.push(textContent(child));
          continue;
        case "style":
          continue;
        case "meta": {
          const key = (a.property ?? a.name)?.trim().toLowerCase();
          if (key && META_KEYS.has(key) && a.content && !scan.meta.has(key)) scan.meta.set(key, a.content);
          continue;
        }
        case "title":
          scan.titleTag ??= textContent(child);
          continue;
        case "body":
          scan.body ??= child;
          break;
        case "h1":
          scan.h1s.push(child);
          break;
        case "article":
          byArticle.push(child);
          break;
        case "main":
          byMain.push(child);
          break;
      }
      if (a.itemprop === "articleBody") byItemprop.push(child);
      else if (a.role === "main" && child.name !== "main") byMain.push(child);
      else if (hasContentClass(child)) byClass.push(child);
      visit(child, depth + 1);
    }
  };
  visit(root as DomElement, 0);
  return scan;
}
