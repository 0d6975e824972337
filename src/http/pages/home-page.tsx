/** GET /: cases by latest coverage with counts and feed links, the newest articles, the subscribe slot. */
import type { CaseSummary } from "../../db/cases-read";
import type { PublicUrls } from "../urls";
import { Layout, siteAlternates } from "./layout";
import { ArticleItem, DateText, FeedLinks, type PageArticle } from "./parts";
import { SubscribeForm } from "./subscribe-form";

/** Props of the home page. */
export interface HomeProps {
  urls: PublicUrls;
  cases: CaseSummary[];
  latest: PageArticle[];
}

function CaseItem(props: { c: CaseSummary; urls: PublicUrls }) {
  const { c, urls } = props;
  return (
    <li>
      <article>
        <h3>
          <a href={`/cases/${encodeURIComponent(c.id)}`}>{c.caption}</a>
        </h3>
        <p class="meta">
          {c.court} · {c.docket}
        </p>
        <p class="meta">
          {c.articleCount === 1 ? "1 article" : `${c.articleCount} articles`}
          {c.latestArticleAt ? (
            <>
              {" · latest "}
              <DateText iso={c.latestArticleAt} />
            </>
          ) : null}
        </p>
        <FeedLinks
          rss={urls.caseFeed(c.id, "rss")}
          atom={urls.caseFeed(c.id, "atom")}
          json={urls.caseFeed(c.id, "json")}
        />
      </article>
    </li>
  );
}

/** The home page. */
export function HomePage(props: HomeProps) {
  const { urls } = props;
  return (
    <Layout
      title="casewire: AI copyright litigation news by case"
      description="News about AI copyright lawsuits, filed under the case it covers, with a feed per case."
      alternates={siteAlternates(urls.base)}
    >
      <h1>AI copyright litigation, case by case</h1>
      <p>
        casewire reads tech and legal news and files every article under the lawsuit it covers. Follow one
        case or all of them.
      </p>
      <FeedLinks
        label="All litigation coverage:"
        rss={urls.allFeed("rss")}
        atom={urls.allFeed("atom")}
        json={urls.allFeed("json")}
      />
      <SubscribeForm cases={props.cases.map((c) => ({ id: c.id, caption: c.caption }))} />
      <section aria-labelledby="cases-title">
        <h2 id="cases-title">Cases</h2>
        <ol class="items">
          {props.cases.map((c) => (
            <CaseItem c={c} urls={urls} />
          ))}
        </ol>
      </section>
      <section aria-labelledby="latest-title">
        <h2 id="latest-title">Latest coverage</h2>
        {props.latest.length === 0 ? <p class="muted">No articles yet.</p> : null}
        <ol class="items">
          {props.latest.map((a) => (
            <ArticleItem a={a} />
          ))}
        </ol>
      </section>
    </Layout>
  );
}
