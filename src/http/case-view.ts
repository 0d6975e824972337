/** Maps stored cases to the JSON the API serves. */
import type { ArticleRow } from "../db/articles-read";
import type { CaseDetail, CaseSummary } from "../db/cases-read";
import type { PublicUrls } from "./urls";
import { safeHttpUrl } from "./urls";

/** CourtListener search for a docket number. */
export function courtListenerUrl(docket: string): string {
  return `https://www.courtlistener.com/?q=${encodeURIComponent(docket)}`;
}

/** The three feed URLs of a case. */
export function caseFeeds(urls: PublicUrls, id: string): { rss: string; atom: string; json: string } {
  return { rss: urls.caseFeed(id, "rss"), atom: urls.caseFeed(id, "atom"), json: urls.caseFeed(id, "json") };
}

/** A case as listed by GET /api/cases. */
export function caseSummaryJson(c: CaseSummary, urls: PublicUrls) {
  return {
    id: c.id,
    caption: c.caption,
    court: c.court,
    docket: c.docket,
    status: c.status,
    articleCount: c.articleCount,
    latestArticleAt: c.latestArticleAt,
    feeds: caseFeeds(urls, c.id),
  };
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x) => typeof x === "string") : []);

/** A case with every registry fact, as served by GET /api/cases/{id}. */
export function caseDetailJson(
  c: CaseDetail,
  latest: readonly ArticleRow[],
  captions: ReadonlyMap<string, string>,
  urls: PublicUrls,
) {
  const f = c.facts;
  return {
    id: c.id,
    caption: c.caption,
    aliases: strings(f.aliases),
    court: c.court,
    docket: c.docket,
    courtListenerUrl: courtListenerUrl(c.docket),
    jurisdiction: typeof f.jurisdiction === "string" ? f.jurisdiction : "",
    filed: typeof f.filed === "string" ? f.filed : "",
    judge: c.judge,
    status: c.status,
    statusDate: c.statusDate,
    plaintiffs: strings(f.plaintiffs),
    defendants: strings(f.defendants),
    works: strings(f.works),
    modelsOrProducts: strings(f.modelsOrProducts),
    keyTerms: strings(f.keyTerms),
    references: strings(f.sources).flatMap((u) => safeHttpUrl(u) ?? []),
    related: strings(f.related).map((id) => ({ id, caption: captions.get(id) ?? null })),
    articleCount: c.articleCount,
    latestArticleAt: c.latestArticleAt,
    latestArticles: latest.map((a) => ({
      id: a.id,
      url: safeHttpUrl(a.url),
      title: a.title,
      source: { id: a.sourceId, name: a.sourceName },
      publishedAt: a.publishedAt,
    })),
    feeds: caseFeeds(urls, c.id),
  };
}
