/** The weekly digest as plain data: what the builder takes in and what the renderers and archive read. */

/** A litigation article of the week, as read from storage (all text untrusted plain text). */
export interface DigestArticleInput {
  id: number;
  url: string;
  title: string;
  /** Our plain-text summary (never the article's text). */
  summary: string;
  sourceName: string;
  /** ISO 8601 UTC: the publication date, or the first-seen date when the feed gave none. */
  date: string;
  /** Registry ids of the cases the article is filed under. */
  caseIds: string[];
}

/** Registry facts of a case the digest may show. */
export interface DigestCaseInput {
  id: string;
  caption: string;
  court: string;
  /** Latest known development (free text, usually prefixed with its date). */
  status: string;
  /** ISO date of the status, when known. */
  statusDate: string | null;
  /** Filing date, `YYYY-MM-DD` or partial. */
  filed: string;
}

/** A new-case candidate first seen this week, with its articles of the week. */
export interface DigestCandidateInput {
  key: string;
  caption: string;
  firstSeenAt: string;
  articles: { id: number; url: string; title: string; sourceName: string; date: string }[];
}

/** One outlet that ran a story, with its link. */
export interface DigestSource {
  name: string;
  url: string;
}

/** One story: the same news from one or more outlets, shown once. */
export interface DigestStory {
  /** Headline of the earliest report. */
  title: string;
  /** Our summary (may be empty). */
  summary: string;
  /** Link to the earliest report. */
  url: string;
  /** ISO date of the earliest report. */
  date: string;
  /** Every outlet that ran it, earliest first, each once. */
  sources: DigestSource[];
}

/** Why a case is at the top of the digest. */
export type CaseHighlight = "new-filing" | "ruling" | null;

/** A case and its stories of the week. */
export interface DigestCaseSection {
  id: string;
  caption: string;
  court: string;
  /** Status line, shortened. */
  status: string;
  highlight: CaseHighlight;
  stories: DigestStory[];
  /** Stories of the week left out for length (see the case page). */
  moreStories: number;
  /** Articles of the week about this case (all outlets). */
  articleCount: number;
}

/** A lawsuit spotted in coverage that matches no registry case. */
export interface DigestCandidate {
  caption: string;
  firstSeenAt: string;
  links: { title: string; url: string; sourceName: string }[];
}

/** The digest of one ISO week; `cases` are in significance order. */
export interface DigestModel {
  /** Format version of this object as stored in the archive. */
  version: 1;
  /** ISO week label, e.g. `2026-W48`. */
  week: string;
  /** Monday 00:00 UTC (ISO). */
  start: string;
  /** Following Monday 00:00 UTC (ISO, exclusive). */
  end: string;
  cases: DigestCaseSection[];
  candidates: DigestCandidate[];
}

/** Links every rendering needs, absolute. */
export interface DigestLinks {
  /** PUBLIC_URL without a trailing slash. */
  base: string;
  /** Per-recipient page to change cases (absent in the archive copy). */
  manageUrl?: string;
  /** Per-recipient one-click unsubscribe page (absent in the archive copy). */
  unsubscribeUrl?: string;
}

/** Who a rendering is for: `followedCases` null = every case. */
export interface DigestAudience {
  followedCases: number | null;
}
