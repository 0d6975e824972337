/** Paths into the shared read-only corpora (../shared/corpora beside the repository). */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";

/** Absolute path of shared/corpora. */
export const CORPORA = resolve(process.cwd(), "../shared/corpora");

/** Reads a corpus file (path relative to shared/corpora) as text. */
export function corpusText(rel: string, encoding: BufferEncoding = "utf8"): string {
  return readFileSync(resolve(CORPORA, rel), encoding);
}

/** Reads a JSON-lines file of the corpora. */
export function corpusJsonl<T>(rel: string): T[] {
  return corpusText(rel)
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as T);
}
