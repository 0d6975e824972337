/** Test helpers for rendered feeds: exact golden-file comparison and a strict XML well-formedness check. */

import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { expect } from "vitest";

const FIXTURES = new URL("../fixtures/render/", import.meta.url);

/**
 * Compares `actual` with test/fixtures/render/<name> byte for byte. With UPDATE_GOLDEN=1 the file is
 * rewritten instead (review the diff before committing it); a missing golden is a failure, never auto-written.
 */
export function expectGolden(name: string, actual: string): void {
  const file = new URL(name, FIXTURES);
  if (process.env.UPDATE_GOLDEN === "1") {
    writeFileSync(file, actual);
    return;
  }
  expect(existsSync(file), `golden ${name} is missing: run with UPDATE_GOLDEN=1`).toBe(true);
  expect(actual).toBe(readFileSync(file, "utf8"));
}

interface SaxParser {
  onerror: (err: Error) => void;
  onopentag: (node: { name: string; attributes: Record<string, string> }) => void;
  write(s: string): SaxParser;
  close(): SaxParser;
}

const sax = createRequire(import.meta.url)("sax") as { parser(strict: boolean): SaxParser };

/** Parses `xml` with sax in strict mode; throws on any well-formedness error; returns the element names seen. */
export function strictXmlElements(xml: string): string[] {
  const names: string[] = [];
  const parser = sax.parser(true);
  parser.onerror = (err) => {
    throw err;
  };
  parser.onopentag = (node) => names.push(node.name);
  parser.write(xml).close();
  return names;
}

/** `xml` with every CDATA section removed: what is left is markup and entity-escaped text. */
export function outsideCdata(xml: string): string {
  return xml.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, "");
}

/** Characters that must never reach a feed: XML-invalid controls, U+FFFE/U+FFFF and lone surrogates. */
export const FORBIDDEN_CHARS =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
