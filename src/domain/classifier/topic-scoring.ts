/** Topic decision from the vocabulary profile of an article and the cases it identifies. */
import type { Topic } from "../types";
import type { CaseCandidate } from "./case-scoring";

/** Vocabulary profile of one article (title occurrences count double). */
export interface TopicFeatures {
  ai: number;
  copy: number;
  lit: number;
  neg: number;
  aiTitle: boolean;
  copyTitle: boolean;
  /** The title has a litigation word (lawsuit, sues, court, ruling…). */
  litTitle: boolean;
  /** The title speaks of deals, reports, bills or policy. */
  policyTitle: boolean;
  /** Text sentences with a litigation word. */
  litSentences: number;
  /** Text sentences. */
  sentences: number;
  /** A named plaintiff of a registry case and a filing word ("sued", "lawsuit") share a sentence. */
  plaintiffFiling: boolean;
  /** A plaintiff kind of a registry case ("authors", "voice actors") and a filing word share a sentence. */
  kindFiling: boolean;
}

/**
 * The topic and a 0..1 relevance (confidence that the article is about AI copyright litigation).
 * Litigation when a named registry case is the focus (in the title, in several sentences, or a plaintiff
 * linked to a defendant), when a registry suit is described (its two sides, its court or a telling term next
 * to its defendant: no copyright word needed), or when AI, copyright and litigation vocabulary meet in a
 * litigation-led text; a short text (title and a sentence or two) needs less litigation vocabulary. Not when
 * the title leads with deals, reports or policy and litigation is a single aside, nor when another legal
 * subject (antitrust, privacy, defamation…) leads. "Other" needs AI and copyright (or a named case) and no
 * other legal subject leading.
 */
export function decideTopic(
  f: TopicFeatures,
  cases: readonly CaseCandidate[],
): { topic: Topic; relevance: number } {
  const named = cases.filter((c) => c.named);
  const best = named.reduce((m, c) => Math.max(m, c.score), 0);
  // A case is the focus when the title names it, it recurs, or a plaintiff is linked to a defendant.
  const caseFocus = named.some((c) => c.titleMention || c.sentences >= 2 || (c.linked && c.score >= 0.7));
  const caseTitle = named.some((c) => c.titleStrong || (c.titleMention && f.litTitle));
  const ai = f.ai >= 2 || (f.aiTitle && f.ai >= 1) || cases.length > 0;
  const copy = f.copy >= 1.5 || f.copyTitle;
  // A registry suit described by its two sides (authors v. Anthropic) is about AI copyright by itself.
  // So is one described by a distinctive term and its defendant.
  const copyByCase =
    f.neg === 0 && cases.some((c) => c.termed || (c.paired && (f.ai >= 1 || c.titleMention)));
  // A title pairing the two sides of a registry suit needs only a weak litigation word ("accused by authors").
  // A short text (title and a sentence or two) says less: one litigation word is enough there.
  const litDescribed =
    f.lit >= 1.5 ||
    (f.lit >= 1 && f.sentences <= 2) ||
    (f.lit >= 0.8 && cases.some((c) => c.paired && c.titleMention));
  const focus = f.litTitle || f.litSentences >= 2 || (f.litSentences >= 1 && f.sentences <= 2);
  // Deals, reports or policy in the title with at most one litigation sentence: news about something else.
  const policyLed = f.policyTitle && !f.litTitle && !caseTitle && f.litSentences <= 1;
  // Antitrust, privacy, defamation… lead and copyright is thin: another legal subject.
  const negLed = f.neg >= 2 && f.copy < 2.5;
  // (a judge's name in the title is not enough: judges also hear privacy and antitrust cases)
  const sideShow = negLed && !named.some((c) => c.titleStrong || c.sentences >= 2);
  // A caption is litigation vocabulary itself; so is a weak one ("Streit") next to a case named in the title,
  // or copying words ("says Meta torrented its films") when the title links a plaintiff to its defendant.
  // In a short text, a weak one ("accuse") suffices next to a plaintiff linked to its defendant over copying.
  const titlePair = !f.policyTitle && (f.lit > 0 || f.copy >= 0.8);
  const litCase =
    f.lit >= 1 ||
    named.some((c) => c.captioned || (titlePair && c.titleStrong && c.linked)) ||
    (f.sentences <= 2 && f.lit > 0 && f.copy > 0 && named.some((c) => c.linked));
  const byCase = named.length > 0 && litCase && (focus || caseFocus) && !policyLed && !sideShow;
  const byDescription =
    cases.length > 0 &&
    litDescribed &&
    (focus || (f.lit >= 0.8 && f.sentences <= 2)) &&
    (f.copy >= 0.8 || copyByCase) &&
    !policyLed &&
    !negLed;
  const byVocabulary = ai && copy && f.lit >= 1.5 && focus && !policyLed && !negLed;
  const byPlaintiff = f.plaintiffFiling && ai && f.lit >= 1.5 && focus && !policyLed && !negLed;
  // "voice actors sue AI company, claiming it stole their voices": a registry plaintiff kind files over copying.
  const byKind = f.kindFiling && ai && f.copy >= 0.8 && f.lit >= 1.5 && focus && !policyLed && !negLed;
  let evidence = named.length > 0 ? 1.5 + 2 * best : 0;
  if (ai) evidence += 0.8;
  if (copy) evidence += 0.8;
  evidence += Math.min(f.lit, 6) * 0.3;
  if (focus || caseFocus) evidence += 0.6;
  if (policyLed) evidence -= 2;
  if (negLed && named.length === 0) evidence -= 2;
  const sigmoid = 1 / (1 + Math.exp(-(evidence - 3)));
  if (byCase || byDescription || byVocabulary || byPlaintiff || byKind)
    return { topic: "ai-copyright-litigation", relevance: 0.5 + sigmoid / 2 };
  const other = (ai || named.length > 0) && (f.copy >= 0.8 || named.length > 0) && !negLed;
  return { topic: other ? "ai-copyright-other" : "not-relevant", relevance: Math.min(0.49, sigmoid / 2) };
}
