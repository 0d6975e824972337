/** Reads article headline and body from JSON-LD blocks (schema.org Article types, @graph included). */

/** What the JSON-LD blocks of a page say about its article. */
export interface JsonLdArticle {
  headline: string | null;
  /** `articleBody` as written (may still hold markup or entities). */
  body: string | null;
}

const ARTICLE_TYPE = /(?:Article|BlogPosting|LiveBlogPosting|Report)$/;
const MAX_NODES = 5000;

function parseLenient(text: string): unknown {
  const cleaned = text
    .trim()
    .replace(/^<!\[CDATA\[|\]\]>$/g, "")
    .replace(/^\s*\/\/.*$/gm, "")
    // Raw control characters inside strings are invalid JSON but common; outside strings they are space.
    .replace(/[\u0000-\u001f]+/g, " ")
    .replace(/;\s*$/, "");
  try {
    return JSON.parse(cleaned);
  } catch {
    return undefined;
  }
}

function isArticleType(type: unknown): boolean {
  if (typeof type === "string") return ARTICLE_TYPE.test(type);
  if (Array.isArray(type)) return type.some((t) => typeof t === "string" && ARTICLE_TYPE.test(t));
  return false;
}

function asText(value: unknown): string | null {
  if (typeof value === "string") return value.trim() || null;
  if (Array.isArray(value)) {
    const parts = value.filter((v): v is string => typeof v === "string");
    return parts.join("\n\n").trim() || null;
  }
  return null;
}

/** Every object reachable from the parsed JSON (arrays, @graph, mainEntity and other nesting), bounded. */
function objectsIn(root: unknown): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const stack: unknown[] = [root];
  let seen = 0;
  while (stack.length > 0 && seen < MAX_NODES) {
    const value = stack.pop();
    seen++;
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push(value[i]);
    } else if (value !== null && typeof value === "object") {
      const obj = value as Record<string, unknown>;
      out.push(obj);
      for (const key of Object.keys(obj)) {
        const v = obj[key];
        if (v !== null && typeof v === "object") stack.push(v);
      }
    }
  }
  return out;
}

/** Finds the longest `articleBody` and the first `headline` among article-typed JSON-LD objects. */
export function readJsonLdArticle(scriptTexts: readonly string[]): JsonLdArticle {
  let headline: string | null = null;
  let body: string | null = null;
  for (const text of scriptTexts) {
    const parsed = parseLenient(text);
    if (parsed === undefined) continue;
    for (const obj of objectsIn(parsed)) {
      if (!isArticleType(obj["@type"])) continue;
      headline ??= asText(obj.headline) ?? asText(obj.name);
      const candidate = asText(obj.articleBody);
      if (candidate && (!body || candidate.length > body.length)) body = candidate;
    }
  }
  return { headline, body };
}
