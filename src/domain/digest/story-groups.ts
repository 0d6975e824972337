/** Same-story grouping: articles whose titles identify the same news are shown once with every outlet listed. */
import { hostOf, MIN_SIGNIFICANT_TOKENS, titleFingerprint, titleTokens } from "../identity";
import type { DigestArticleInput, DigestSource, DigestStory } from "./digest-model";

/** Two titles with at least this token overlap (Jaccard) are the same story. */
export const SAME_STORY_JACCARD = 0.6;

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  const union = a.size + b.size - shared;
  return union === 0 ? 0 : shared / union;
}

function byDateThenId(a: DigestArticleInput, b: DigestArticleInput): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : a.id - b.id;
}

/**
 * Groups articles into stories: equal title fingerprints, or titles of at least MIN_SIGNIFICANT_TOKENS tokens
 * sharing SAME_STORY_JACCARD of them. Each story takes the earliest report's title and link (and the first
 * non-empty summary); outlets are listed once each, earliest first. Stories are ordered by how many outlets
 * ran them, then newest first.
 */
export function groupStories(articles: readonly DigestArticleInput[]): DigestStory[] {
  const sorted = [...articles].sort(byDateThenId);
  const parent = sorted.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const keys = sorted.map((a) => titleFingerprint(a.title, hostOf(a.url)));
  const tokens = sorted.map((a) => new Set(titleTokens(a.title)));
  for (let i = 0; i < sorted.length; i++) {
    for (let j = 0; j < i; j++) {
      const same =
        (keys[i] !== "" && keys[i] === keys[j]) ||
        (tokens[i]!.size >= MIN_SIGNIFICANT_TOKENS &&
          tokens[j]!.size >= MIN_SIGNIFICANT_TOKENS &&
          jaccard(tokens[i]!, tokens[j]!) >= SAME_STORY_JACCARD);
      if (same) {
        const ri = find(i);
        const rj = find(j);
        if (ri !== rj) parent[Math.max(ri, rj)] = Math.min(ri, rj);
      }
    }
  }
  const groups = new Map<number, DigestArticleInput[]>();
  sorted.forEach((a, i) => {
    const root = find(i);
    const list = groups.get(root);
    if (list) list.push(a);
    else groups.set(root, [a]);
  });
  const stories: { story: DigestStory; lastId: number }[] = [];
  for (const list of groups.values()) {
    const first = list[0]!;
    const sources: DigestSource[] = [];
    const seen = new Set<string>();
    for (const a of list) {
      const name = a.sourceName || hostOf(a.url);
      if (seen.has(name)) continue;
      seen.add(name);
      sources.push({ name, url: a.url });
    }
    stories.push({
      story: {
        title: first.title,
        summary: list.find((a) => a.summary !== "")?.summary ?? "",
        url: first.url,
        date: first.date,
        sources,
      },
      lastId: first.id,
    });
  }
  stories.sort(
    (a, b) =>
      b.story.sources.length - a.story.sources.length ||
      (a.story.date < b.story.date ? 1 : a.story.date > b.story.date ? -1 : 0) ||
      a.lastId - b.lastId,
  );
  return stories.map((s) => s.story);
}
