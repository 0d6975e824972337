/** Building blocks shared by the pages: article items, feed links, dates, the subscribe slot. */
import type { SnippetJson } from "../article-view";
import { safeHttpUrl } from "../urls";

/** An article as a page shows it (all text untrusted; rendered as text only). */
export interface PageArticle {
  id: number;
  url: string;
  title: string;
  summary: string;
  sourceName: string;
  publishedAt: string | null;
  sortAt: string;
  cases?: { id: string; caption: string | null }[];
  snippet?: SnippetJson | undefined;
}

/** A UTC calendar date inside <time>. */
export function DateText(props: { iso: string }) {
  return <time datetime={props.iso}>{props.iso.slice(0, 10)}</time>;
}

/** Snippet text with <mark> around the matched terms (each piece escaped as text). */
export function Highlighted(props: { snippet: SnippetJson }) {
  const { text, highlights } = props.snippet;
  const pieces: unknown[] = [];
  let at = 0;
  for (const [start, end] of highlights) {
    if (start < at || end > text.length) continue;
    if (start > at) pieces.push(text.slice(at, start));
    pieces.push(<mark>{text.slice(start, end)}</mark>);
    at = end;
  }
  if (at < text.length) pieces.push(text.slice(at));
  return <>{pieces}</>;
}

/** One article: heading linking to the publisher (http(s) only), source and date, summary or snippet. */
export function ArticleItem(props: { a: PageArticle; level?: 2 | 3 }) {
  const { a } = props;
  const href = safeHttpUrl(a.url);
  const title = href ? (
    <a href={href} rel="noopener noreferrer nofollow">
      {a.title}
    </a>
  ) : (
    a.title
  );
  const cases = (a.cases ?? []).filter((c) => c.caption);
  return (
    <li>
      <article>
        {props.level === 2 ? <h2>{title}</h2> : <h3>{title}</h3>}
        <p class="meta">
          {a.sourceName} · <DateText iso={a.publishedAt ?? a.sortAt} />
          {cases.length > 0 ? (
            <>
              {" · "}
              {cases.map((c, i) => (
                <>
                  {i > 0 ? ", " : ""}
                  <a href={`/cases/${encodeURIComponent(c.id)}`}>{c.caption}</a>
                </>
              ))}
            </>
          ) : null}
        </p>
        {a.snippet ? (
          <p>
            <Highlighted snippet={a.snippet} />
          </p>
        ) : a.summary ? (
          <p>{a.summary}</p>
        ) : null}
      </article>
    </li>
  );
}

/** Links to one feed in the three formats. */
export function FeedLinks(props: { rss: string; atom: string; json: string; label?: string }) {
  return (
    <p class="feeds">
      {props.label ?? "Feeds:"} <a href={props.rss}>RSS</a>
      <a href={props.atom}>Atom</a>
      <a href={props.json}>JSON Feed</a>
    </p>
  );
}
