/** Reads one source: conditional fetch, parse (feed or HTML list) and normalise its items. */
import { hostOf } from "../domain/identity";
import type { NormalisedItem, SourceDef } from "../domain/types";
import { type FetchDeps, type FetchOptions, fetchResource } from "./fetch-resource";
import { normaliseItem } from "./normalise";
import { parseFeed } from "./parse-feed";
import { parseHtmlList } from "./parse-html-list";

/** The source answered (with `status`) but its body could not be read as a feed or listing page. */
export class SourceContentError extends Error {
  readonly status: number;

  constructor(message: string, status: number) {
    super(message);
    this.name = "SourceContentError";
    this.status = status;
  }
}

/** What reading a source produced: unchanged (304) or the normalised items with the new validators. */
export type SourceRead =
  | { kind: "unchanged"; status: number }
  | {
      kind: "items";
      status: number;
      finalUrl: string;
      etag: string | null;
      lastModified: string | null;
      items: NormalisedItem[];
      /** Items dropped because they had no usable http(s) link. */
      skipped: number;
      warnings: string[];
    };

/** Fetches a source with its stored validators and returns its normalised items (throws on failure). */
export async function readSource(
  source: SourceDef,
  validators: { etag: string | null; lastModified: string | null },
  opts: FetchOptions,
  deps: FetchDeps,
): Promise<SourceRead> {
  const res = await fetchResource(
    source.url,
    {
      ...opts,
      etag: validators.etag ?? undefined,
      lastModified: validators.lastModified ?? undefined,
      accept:
        source.kind === "html"
          ? "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5"
          : "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5",
    },
    deps,
  );
  if (res.notModified) return { kind: "unchanged", status: res.status };
  let parsed: Awaited<ReturnType<typeof parseFeed>>;
  try {
    parsed =
      source.kind === "html"
        ? parseHtmlList(res.text, res.finalUrl, requireSelectors(source))
        : await parseFeed(res.text, { contentType: res.contentType ?? undefined });
  } catch (err) {
    throw new SourceContentError(err instanceof Error ? err.message : String(err), res.status);
  }
  const items: NormalisedItem[] = [];
  let skipped = 0;
  const sourceHost = hostOf(res.finalUrl) || undefined;
  for (const raw of parsed.items) {
    const item = normaliseItem(raw, { feedUrl: source.url, finalUrl: res.finalUrl, sourceHost });
    if (item) items.push(item);
    else skipped++;
  }
  return {
    kind: "items",
    status: res.status,
    finalUrl: res.finalUrl,
    etag: res.etag ?? null,
    lastModified: res.lastModified ?? null,
    items,
    skipped,
    warnings: parsed.warnings,
  };
}

function requireSelectors(source: SourceDef) {
  if (!source.selectors) throw new Error(`source ${source.id} is of kind html but has no selectors`);
  return source.selectors;
}
