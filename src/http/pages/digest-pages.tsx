/** The digest archive: the list of weeks and one week's digest as a web page (same content as the email). */
import type { DigestSummary } from "../../db/digests-repo";
import { countOf, digestCaseFeedUrl, shortDate } from "../../domain/digest/digest-links";
import type { DigestCaseSection, DigestModel, DigestStory } from "../../domain/digest/digest-model";
import { weekSpanText } from "../../domain/digest/iso-week";
import { highlightLabel } from "../../domain/digest/significance";
import { digestTagline } from "../../render/digest-html";
import { safeHttpUrl } from "../urls";
import { type Alternate, Layout, siteAlternates } from "./layout";

/** The archive's feed, advertised on its pages. */
export function digestAlternates(base: string): Alternate[] {
  return [
    { type: "application/rss+xml", title: "casewire weekly digest (RSS)", href: `${base}/feeds/digests.rss` },
    ...siteAlternates(base),
  ];
}

function ExternalLink(props: { href: string; text: string }) {
  const href = safeHttpUrl(props.href);
  return href ? (
    <a href={href} rel="noopener noreferrer nofollow">
      {props.text}
    </a>
  ) : (
    props.text
  );
}

function Story(props: { s: DigestStory }) {
  const { s } = props;
  const others = s.sources.slice(1);
  return (
    <li>
      <article>
        <h3>
          <ExternalLink href={s.url} text={s.title} />
        </h3>
        {s.summary ? <p>{s.summary}</p> : null}
        <p class="meta">
          <time datetime={s.date}>{shortDate(s.date)}</time> · {s.sources[0]?.name ?? ""}
          {others.length > 0 ? (
            <>
              {" · also reported by "}
              {others.map((o, i) => (
                <>
                  {i > 0 ? ", " : ""}
                  <ExternalLink href={o.url} text={o.name} />
                </>
              ))}
            </>
          ) : null}
        </p>
      </article>
    </li>
  );
}

function CaseSection(props: { c: DigestCaseSection; base: string }) {
  const { c } = props;
  const label = highlightLabel(c.highlight);
  const page = `/cases/${encodeURIComponent(c.id)}`;
  return (
    <section aria-labelledby={`case-${c.id}`}>
      {label ? (
        <p class="meta">
          <strong>{label}</strong>
        </p>
      ) : null}
      <h2 id={`case-${c.id}`}>
        <a href={page}>{c.caption}</a>
      </h2>
      <p class="meta">{c.court}</p>
      {c.status ? (
        <p class="meta">
          <strong>Status:</strong> {c.status}
        </p>
      ) : null}
      <ul class="items">
        {c.stories.map((s) => (
          <Story s={s} />
        ))}
      </ul>
      {c.moreStories > 0 ? (
        <p>
          {countOf(c.moreStories, "more story", "more stories")} this week on <a href={page}>the case page</a>
          .
        </p>
      ) : null}
      <p class="feeds">
        <a href={page}>Case page</a>
        <a href={digestCaseFeedUrl(props.base, c.id)}>Case feed (RSS)</a>
      </p>
    </section>
  );
}

/** One week's digest as a page. */
export function DigestWeekPage(props: { base: string; model: DigestModel }) {
  const { model } = props;
  return (
    <Layout
      title={`AI copyright litigation, week ${model.week} (casewire digest)`}
      description={`The casewire weekly digest for ${weekSpanText(model.week)}.`}
      alternates={digestAlternates(props.base)}
    >
      <p class="meta">
        <a href="/digests">Weekly digest</a> · {model.week}
      </p>
      <h1>AI copyright litigation this week</h1>
      <p class="meta">{digestTagline(model)}</p>
      {model.cases.map((c) => (
        <CaseSection c={c} base={props.base} />
      ))}
      {model.candidates.length > 0 ? (
        <section aria-labelledby="candidates-title">
          <h2 id="candidates-title">New lawsuits spotted</h2>
          <p class="meta">Cases named in this week's coverage that are not in our case list yet.</p>
          <ul class="items">
            {model.candidates.map((c) => (
              <li>
                <h3>{c.caption}</h3>
                {c.links.map((l) => (
                  <p>
                    <ExternalLink href={l.url} text={l.title} />
                    {l.sourceName ? <span class="muted"> ({l.sourceName})</span> : null}
                  </p>
                ))}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {model.cases.length === 0 && model.candidates.length === 0 ? (
        <p>No litigation coverage this week.</p>
      ) : null}
      <p>
        <a href="/#subscribe">Get the digest by email</a> · <a href="/feeds/digests.rss">Digest feed (RSS)</a>
      </p>
    </Layout>
  );
}

/** The list of archived digests. */
export function DigestListPage(props: { base: string; digests: DigestSummary[] }) {
  return (
    <Layout
      title="Weekly digest archive (casewire)"
      description="Every casewire weekly digest of AI copyright litigation news."
      alternates={digestAlternates(props.base)}
    >
      <h1>Weekly digest archive</h1>
      <p>
        Each Monday's digest of AI copyright litigation news, grouped by case.{" "}
        <a href="/#subscribe">Get it by email</a> or follow the{" "}
        <a href="/feeds/digests.rss">digest feed (RSS)</a>.
      </p>
      {props.digests.length === 0 ? <p class="muted">No digests yet.</p> : null}
      <ol class="items">
        {props.digests.map((d) => (
          <li>
            <h2>
              <a href={`/digests/${encodeURIComponent(d.week)}`}>{d.subject}</a>
            </h2>
            <p class="meta">
              {weekSpanText(d.week)} · {countOf(d.caseCount, "case", "cases")} ·{" "}
              {countOf(d.storyCount, "story", "stories")}
              {d.candidateCount > 0
                ? ` · ${countOf(d.candidateCount, "new lawsuit spotted", "new lawsuits spotted")}`
                : ""}
            </p>
          </li>
        ))}
      </ol>
    </Layout>
  );
}
