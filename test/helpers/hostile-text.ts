/** Hostile titles and summaries taken from the feedparser sanitiser corpus (markup as plain text, untrusted). */
import { readdirSync } from "node:fs";
import { resolve } from "node:path";
import { CORPORA, corpusText } from "./feed-corpora";

const DIR = "feedparser/tests/wellformed/sanitize";

function xmlText(s: string): string {
  return s
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, "$1")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

/** One hostile text: which corpus file, and the decoded element text (what a parser would hand us). */
export interface HostileText {
  file: string;
  text: string;
}

/** The decoded `<title>` / `<summary>` texts of the corpus's entry_title_* and entry_summary_* cases. */
export function hostileTexts(): HostileText[] {
  const files = readdirSync(resolve(CORPORA, DIR)).filter((f) => /^entry_(title|summary)_.*\.xml$/.test(f));
  const out: HostileText[] = [];
  for (const file of files.sort()) {
    const xml = corpusText(`${DIR}/${file}`);
    const tag = file.startsWith("entry_title") ? "title" : "summary";
    const m = new RegExp(`<${tag}[^>]*>([\\s\\S]*?)</${tag}>`).exec(xml);
    if (m?.[1]) out.push({ file, text: xmlText(m[1]).trim() });
  }
  return out;
}
