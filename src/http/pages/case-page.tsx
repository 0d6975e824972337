/** GET /cases/:id: the case's facts, feed links, the subscribe slot and its articles newest first. */
import type { CaseDetail } from "../../db/cases-read";
import { courtListenerUrl } from "../case-view";
import type { PublicUrls } from "../urls";
import { type Alternate, Layout, siteAlternates } from "./layout";
import { ArticleItem, FeedLinks, type PageArticle } from "./parts";
import { type CaseChoice, SubscribeForm } from "./subscribe-form";

/** Props of the case page. */
export interface CasePageProps {
  urls: PublicUrls;
  c: CaseDetail;
  related: { id: string; caption: string }[];
  articles: PageArticle[];
  /** Every case, for the subscribe form. */
  choices: CaseChoice[];
  /** Link to the next (older) page of articles, or null. */
  olderHref: string | null;
}

function caseAlternates(urls: PublicUrls, c: CaseDetail): Alternate[] {
  return [
    { type: "application/rss+xml", title: `${c.caption} (RSS)`, href: urls.caseFeed(c.id, "rss") },
    { type: "application/atom+xml", title: `${c.caption} (Atom)`, href: urls.caseFeed(c.id, "atom") },
    { type: "application/feed+json", title: `${c.caption} (JSON Feed)`, href: urls.caseFeed(c.id, "json") },
    ...siteAlternates(urls.base),
  ];
}

const list = (v: unknown): string =>
  Array.isArray(v) ? v.filter((x) => typeof x === "string").join("; ") : "";

/** The case page. */
export function CasePage(props: CasePageProps) {
  const { c, urls } = props;
  const plaintiffs = list(c.facts.plaintiffs);
  const defendants = list(c.facts.defendants);
  return (
    <Layout
      title={`${c.caption}: news coverage (casewire)`}
      description={`News coverage of ${c.caption}, ${c.court}, ${c.docket}.`}
      alternates={caseAlternates(urls, c)}
    >
      <h1>{c.caption}</h1>
      <dl class="facts">
        <dt>Court</dt>
        <dd>{c.court}</dd>
        <dt>Docket</dt>
        <dd>
          <a href={courtListenerUrl(c.docket)} rel="noopener noreferrer">
            {c.docket}
          </a>{" "}
          <span class="muted">(search on CourtListener)</span>
        </dd>
        <dt>Judge</dt>
        <dd>{c.judge}</dd>
        {typeof c.facts.filed === "string" ? (
          <>
            <dt>Filed</dt>
            <dd>{c.facts.filed}</dd>
          </>
        ) : null}
        <dt>Status</dt>
        <dd>{c.status}</dd>
        {plaintiffs ? (
          <>
            <dt>Plaintiffs</dt>
            <dd>{plaintiffs}</dd>
          </>
        ) : null}
        {defendants ? (
          <>
            <dt>Defendants</dt>
            <dd>{defendants}</dd>
          </>
        ) : null}
        {props.related.length > 0 ? (
          <>
            <dt>Related</dt>
            <dd>
              {props.related.map((r, i) => (
                <>
                  {i > 0 ? "; " : ""}
                  <a href={`/cases/${encodeURIComponent(r.id)}`}>{r.caption}</a>
                </>
              ))}
            </dd>
          </>
        ) : null}
      </dl>
      <FeedLinks
        label="Follow this case:"
        rss={urls.caseFeed(c.id, "rss")}
        atom={urls.caseFeed(c.id, "atom")}
        json={urls.caseFeed(c.id, "json")}
      />
      <SubscribeForm cases={props.choices} caseId={c.id} />
      <section aria-labelledby="coverage-title">
        <h2 id="coverage-title">
          Coverage <span class="muted">({c.articleCount})</span>
        </h2>
        {props.articles.length === 0 ? <p class="muted">No articles yet.</p> : null}
        <ol class="items">
          {props.articles.map((a) => (
            <ArticleItem a={a} />
          ))}
        </ol>
        {props.olderHref ? (
          <nav class="pager" aria-label="More coverage">
            <a href={props.olderHref} rel="next">
              Older articles
            </a>
          </nav>
        ) : null}
      </section>
    </Layout>
  );
}
