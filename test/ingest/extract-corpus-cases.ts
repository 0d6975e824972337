/** Loads the shared article corpora (Readability, Postlight, real-feeds) with their expectations for extractor tests. */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { load } from "cheerio/slim";

/** Root of shared/corpora beside the repository. */
export const CORPORA_DIR = fileURLToPath(new URL("../../../shared/corpora", import.meta.url));

/** One page with what is expected of it (null where the corpus asserts nothing). */
export interface CorpusCase {
  name: string;
  file: string;
  url: string;
  expectedTitle: string | null;
  /** Plain text of the expected article body, when the corpus has one. */
  expectedText: string | null;
}

const READABILITY_URL = "http://fakehost/test/page.html";

/** Plain text of an expected.html body (block boundaries become spaces). */
export function htmlToText(html: string): string {
  const $ = load(html);
  $("script, style").remove();
  $("p, div, li, h1, h2, h3, h4, h5, h6, br, td, blockquote, pre").after(" ");
  return $.root().text().replace(/\s+/g, " ").trim();
}

function readabilityCase(dir: string, name: string): CorpusCase {
  const meta = JSON.parse(readFileSync(path.join(dir, "expected-metadata.json"), "utf8")) as {
    title?: string | null;
  };
  return {
    name,
    file: path.join(dir, "source.html"),
    url: READABILITY_URL,
    expectedTitle: meta.title || null,
    expectedText: htmlToText(readFileSync(path.join(dir, "expected.html"), "utf8")),
  };
}

/** The Readability cases under shared/corpora/readability (40 minus the relocated target-site pages). */
export function readabilityCases(): CorpusCase[] {
  const root = path.join(CORPORA_DIR, "readability/test/test-pages");
  return readdirSync(root)
    .sort()
    .map((name) => readabilityCase(path.join(root, name), name));
}

interface ExpectationEntry {
  fixture: string;
  url?: string;
  location: string;
  expected: { title?: string | null };
  expected_html?: string;
}

function locate(location: string): string {
  return path.join(CORPORA_DIR, location.replace(/^shared\/corpora\//, ""));
}

function fromExpectations(file: string, prefix: string): CorpusCase[] {
  const entries = JSON.parse(readFileSync(path.join(CORPORA_DIR, file), "utf8")) as ExpectationEntry[];
  const seen = new Set<string>();
  const out: CorpusCase[] = [];
  for (const e of entries) {
    const key = `${e.location} ${e.url ?? ""}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const htmlPath = e.expected_html ? locate(e.expected_html) : null;
    out.push({
      name: `${prefix}:${path.basename(e.location) === "source.html" ? path.basename(path.dirname(e.location)) : path.basename(e.location)}`,
      file: locate(e.location),
      url: e.url ?? READABILITY_URL,
      expectedTitle: e.expected.title ?? null,
      expectedText: htmlPath && existsSync(htmlPath) ? htmlToText(readFileSync(htmlPath, "utf8")) : null,
    });
  }
  return out;
}

/** The Postlight Parser entries (EXPECTATIONS.json): titles only, no expected body. */
export function postlightCases(): CorpusCase[] {
  return fromExpectations("postlight-parser/EXPECTATIONS.json", "postlight");
}

/** The real-feeds article entries (ARTICLE_EXPECTATIONS.json): titles, and bodies for Readability pages. */
export function realFeedsCases(): CorpusCase[] {
  return fromExpectations("real-feeds/ARTICLE_EXPECTATIONS.json", "real-feeds");
}

/** Word tokens for agreement measures (CJK runs split per character). */
export function tokens(text: string): string[] {
  const out: string[] = [];
  for (const m of text
    .normalize("NFKC")
    .toLowerCase()
    .matchAll(/[\p{L}\p{N}]+/gu)) {
    const word = m[0];
    if (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(word))
      out.push(...word);
    else out.push(word);
  }
  return out;
}

/** Token-set F1 (with precision and recall) of `actual` against `expected`. */
export function tokenSetF1(
  actual: string,
  expected: string,
): { precision: number; recall: number; f1: number } {
  const a = new Set(tokens(actual));
  const e = new Set(tokens(expected));
  if (a.size === 0 && e.size === 0) return { precision: 1, recall: 1, f1: 1 };
  let common = 0;
  for (const t of a) if (e.has(t)) common++;
  const precision = a.size ? common / a.size : 0;
  const recall = e.size ? common / e.size : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

/** Titles compared after whitespace, quote and dash normalisation. */
export function sameTitle(actual: string | null, expected: string | null): boolean {
  const norm = (t: string | null): string =>
    (t ?? "")
      .normalize("NFKC")
      .replace(/[‘’`]/g, "'")
      .replace(/[“”]/g, '"')
      .replace(/[–—]/g, "-")
      .replace(/\s+/g, " ")
      .trim()
      .toLowerCase();
  return norm(actual) === norm(expected);
}
