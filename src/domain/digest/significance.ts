/** Significance of a case's week: new filings and rulings first, then by how much coverage it had. */
import type { CaseHighlight, DigestCaseInput, DigestCaseSection, DigestStory } from "./digest-model";

/** Headline wording that reports a new suit. */
const FILING_RE =
  /\b(?:sues?|sued|suing|files? (?:a |an )?(?:new )?(?:lawsuit|suit|complaint|class action)|(?:new|class[- ]action) (?:lawsuit|suit) (?:filed|against|accuses|targets|claims)|lawsuit filed|filed (?:a )?(?:lawsuit|suit|complaint))\b/i;

/** Headline wording that reports a decision or settlement. */
const RULING_RE =
  /\b(?:rul(?:es|ed|ing)|verdict|judgment|dismiss(?:es|ed|al)?|throws? out|tosse[sd]|approv(?:es|ed|al)|grant(?:s|ed)?|den(?:y|ies|ied)|injunction|certif(?:ies|ied|ication)|sanction(?:s|ed)?|settle(?:s|d|ment)?|fair use (?:win|loss|defen[cs]e fails))\b/i;

/** Whether an ISO date or date-time (full `YYYY-MM-DD` at least) falls in [start, end). */
function inWeek(date: string | null, start: string, end: string): boolean {
  if (!date || !/^\d{4}-\d{2}-\d{2}/.test(date)) return false;
  const day = `${date.slice(0, 10)}T00:00:00.000Z`;
  return day >= start && day < end;
}

/**
 * What makes this case's week stand out: `new-filing` when it was filed during the week or a headline reports a
 * new suit; `ruling` when its registry status changed during the week or a headline reports a decision or
 * settlement; else null.
 */
export function caseHighlight(
  c: DigestCaseInput,
  stories: readonly DigestStory[],
  start: string,
  end: string,
): CaseHighlight {
  if (inWeek(c.filed, start, end) || stories.some((s) => FILING_RE.test(s.title))) return "new-filing";
  if (inWeek(c.statusDate, start, end) || stories.some((s) => RULING_RE.test(s.title))) return "ruling";
  return null;
}

function tier(h: CaseHighlight): number {
  return h === null ? 1 : 0;
}

function latest(s: DigestCaseSection): string {
  let max = "";
  for (const story of s.stories) if (story.date > max) max = story.date;
  return max;
}

/**
 * Orders sections: highlighted cases (new filings, rulings) first, then by articles of the week, stories, the
 * newest story, and caption.
 */
export function compareSections(a: DigestCaseSection, b: DigestCaseSection): number {
  return (
    tier(a.highlight) - tier(b.highlight) ||
    b.articleCount - a.articleCount ||
    b.stories.length + b.moreStories - (a.stories.length + a.moreStories) ||
    (latest(a) < latest(b) ? 1 : latest(a) > latest(b) ? -1 : 0) ||
    a.caption.localeCompare(b.caption, "en") ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** The label shown for a highlight ("" for none). */
export function highlightLabel(h: CaseHighlight): string {
  return h === "new-filing" ? "New filing" : h === "ruling" ? "Ruling or decision" : "";
}
