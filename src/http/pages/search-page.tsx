/** GET /search?q=: full-text results with highlighted snippets, ranked or by date, with a next-page link. */
import type { PublicUrls } from "../urls";
import { Layout, SearchForm, siteAlternates } from "./layout";
import { ArticleItem, type PageArticle } from "./parts";

/** Props of the search page. */
export interface SearchPageProps {
  urls: PublicUrls;
  q: string;
  sort: "relevance" | "date";
  /** Null when there was nothing to search for. */
  results: PageArticle[] | null;
  /** Shown instead of results (e.g. "type at least one word"). */
  message: string | null;
  nextHref: string | null;
}

/** The search page. */
export function SearchPage(props: SearchPageProps) {
  const { q, sort } = props;
  const other = sort === "relevance" ? "date" : "relevance";
  const otherHref = `/search?${new URLSearchParams({ q, sort: other }).toString()}`;
  return (
    <Layout
      title={q ? `Search: ${q} (casewire)` : "Search (casewire)"}
      alternates={siteAlternates(props.urls.base)}
      q={q}
    >
      <h1>Search coverage</h1>
      <SearchForm q={q} id="page-search" />
      {props.message ? <p>{props.message}</p> : null}
      {props.results ? (
        <section aria-labelledby="results-title">
          <h2 id="results-title">
            {props.results.length === 0 ? "No results" : "Results"}
            {props.results.length > 0 ? <span class="muted"> by {sort}</span> : null}
          </h2>
          {props.results.length > 0 ? (
            <p class="meta">
              <a href={otherHref}>Order by {other}</a>
            </p>
          ) : null}
          <ol class="items">
            {props.results.map((a) => (
              <ArticleItem a={a} />
            ))}
          </ol>
          {props.nextHref ? (
            <nav class="pager" aria-label="More results">
              <a href={props.nextHref} rel="next">
                More results
              </a>
            </nav>
          ) : null}
        </section>
      ) : null}
    </Layout>
  );
}
