/** Builds the weekly digest model from the week's articles, the registry and the new-case candidates (pure). */
import { collapseWhitespace, stripControlChars, truncateAtWord } from "../text";
import type {
  DigestArticleInput,
  DigestCandidate,
  DigestCandidateInput,
  DigestCaseInput,
  DigestCaseSection,
  DigestModel,
} from "./digest-model";
import { weekRange } from "./iso-week";
import { caseHighlight, compareSections } from "./significance";
import { groupStories } from "./story-groups";

/** Stories shown per case; the rest are counted and left to the case page. */
export const MAX_STORIES_PER_CASE = 8;
/** Stories shown in the whole digest (keeps the email well under Gmail's 102 KB clipping limit). */
export const MAX_STORIES_TOTAL = 60;
/** Candidates shown in "new lawsuits spotted". */
export const MAX_CANDIDATES = 10;
/** Links shown per candidate. */
export const MAX_CANDIDATE_LINKS = 3;
/** Longest status line. */
export const MAX_STATUS_CHARS = 280;
const MAX_TITLE_CHARS = 300;
const MAX_SUMMARY_CHARS = 320;

/** Everything the builder reads. */
export interface DigestInput {
  week: string;
  articles: readonly DigestArticleInput[];
  cases: readonly DigestCaseInput[];
  candidates: readonly DigestCandidateInput[];
}

/** Untrusted text as one clean line. */
export function cleanLine(s: string | null | undefined, max: number): string {
  return truncateAtWord(collapseWhitespace(stripControlChars(s ?? "")), max);
}

function httpLink(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
  } catch {
    return null;
  }
}

function cleanArticle(a: DigestArticleInput): DigestArticleInput | null {
  const url = httpLink(a.url);
  const title = cleanLine(a.title, MAX_TITLE_CHARS);
  if (!url || !title) return null;
  return {
    ...a,
    url,
    title,
    summary: cleanLine(a.summary, MAX_SUMMARY_CHARS),
    sourceName: cleanLine(a.sourceName, 120),
  };
}

/**
 * The digest of `input.week`: articles dated inside the week grouped by case (same story once, outlets listed),
 * cases in significance order, and the candidates first seen that week. Articles outside the week, without an
 * http(s) link or without a title are ignored; unknown case ids are skipped.
 */
export function buildDigest(input: DigestInput): DigestModel {
  const range = weekRange(input.week);
  const start = range.start.toISOString();
  const end = range.end.toISOString();
  const caseById = new Map(input.cases.map((c) => [c.id, c]));
  const perCase = new Map<string, DigestArticleInput[]>();
  for (const raw of input.articles) {
    if (raw.date < start || raw.date >= end) continue;
    const a = cleanArticle(raw);
    if (!a) continue;
    for (const id of new Set(a.caseIds)) {
      if (!caseById.has(id)) continue;
      const list = perCase.get(id);
      if (list) list.push(a);
      else perCase.set(id, [a]);
    }
  }
  const sections: DigestCaseSection[] = [];
  for (const [id, articles] of perCase) {
    const c = caseById.get(id)!;
    const stories = groupStories(articles);
    sections.push({
      id,
      caption: cleanLine(c.caption, 200),
      court: cleanLine(c.court, 200),
      status: cleanLine(c.status, MAX_STATUS_CHARS),
      highlight: caseHighlight(c, stories, start, end),
      stories,
      moreStories: 0,
      articleCount: articles.length,
    });
  }
  sections.sort(compareSections);
  // Per-case and whole-digest caps, spent in significance order; every case keeps at least one story.
  let budget = MAX_STORIES_TOTAL;
  for (const s of sections) {
    const keep = Math.max(1, Math.min(s.stories.length, MAX_STORIES_PER_CASE, budget));
    budget = Math.max(0, budget - keep);
    s.moreStories = s.stories.length - keep;
    s.stories = s.stories.slice(0, keep);
  }
  return {
    version: 1,
    week: input.week,
    start,
    end,
    cases: sections,
    candidates: buildCandidates(input, start, end),
  };
}

function buildCandidates(input: DigestInput, start: string, end: string): DigestCandidate[] {
  const out: (DigestCandidate & { n: number })[] = [];
  for (const c of input.candidates) {
    if (c.firstSeenAt < start || c.firstSeenAt >= end) continue;
    const caption = cleanLine(c.caption, 200);
    if (!caption) continue;
    const links = [...c.articles]
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id - b.id))
      .flatMap((a) => {
        const url = httpLink(a.url);
        const title = cleanLine(a.title, MAX_TITLE_CHARS);
        return url && title ? [{ title, url, sourceName: cleanLine(a.sourceName, 120) }] : [];
      });
    out.push({
      caption,
      firstSeenAt: c.firstSeenAt,
      links: links.slice(0, MAX_CANDIDATE_LINKS),
      n: links.length,
    });
  }
  out.sort(
    (a, b) =>
      b.n - a.n ||
      (a.firstSeenAt < b.firstSeenAt ? -1 : a.firstSeenAt > b.firstSeenAt ? 1 : 0) ||
      a.caption.localeCompare(b.caption, "en"),
  );
  return out.slice(0, MAX_CANDIDATES).map(({ n: _n, ...c }) => c);
}

/**
 * The digest one subscriber receives: all of it for `caseIds` null, else only the followed cases (in the same
 * order) and no candidates section.
 */
export function digestForSubscriber(model: DigestModel, caseIds: readonly string[] | null): DigestModel {
  if (caseIds === null) return model;
  const follow = new Set(caseIds);
  return { ...model, cases: model.cases.filter((c) => follow.has(c.id)), candidates: [] };
}

/** Whether the digest has nothing to show (such a digest is never sent). */
export function isEmptyDigest(model: DigestModel): boolean {
  return model.cases.length === 0 && model.candidates.length === 0;
}

/** Stories shown in the digest, over all cases. */
export function storyCount(model: DigestModel): number {
  return model.cases.reduce((n, c) => n + c.stories.length + c.moreStories, 0);
}
