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
}

/**
 * The topic and a 0..1 relevance (confidence that the article is about AI copyright litigation).
 * Litigation when a named registry case is the focus (in the title, in several sentences, or a plaintiff
 * linked to a defendant), or when AI, copyright and litigation vocabulary meet in a litigation-led text;
 * not when the title leads with deals, reports or policy and litigation is a single aside, nor when another
 * legal subject (antitrust, privacy, defamation…) leads. "Other" needs AI and copyright (or a named case).
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
  const focus = f.litTitle || f.litSentences >= 2 || (f.litSentences >= 1 && f.sentences <= 2);
  // Deals, reports or policy in the title with at most one litigation sentence: news about something else.
  const policyLed = f.policyTitle && !f.litTitle && !caseTitle && f.litSentences <= 1;
  // Antitrust, privacy, defamation… lead and copyright is thin: another legal subject.
  const negLed = f.neg >= 2 && f.copy < 2.5;
  const sideShow = negLed && !caseTitle && !named.some((c) => c.sentences >= 2);
  const byCase = named.length > 0 && f.lit >= 1 && (focus || caseFocus) && !policyLed && !sideShow;
  const byDescription = cases.length > 0 && f.lit >= 1.5 && focus && f.copy >= 0.8 && !policyLed && !negLed;
  const byVocabulary = ai && copy && f.lit >= 1.5 && focus && !policyLed && !negLed;
  const byPlaintiff = f.plaintiffFiling && ai && f.lit >= 1.5 && focus && !policyLed && !negLed;
  let evidence = named.length > 0 ? 1.5 + 2 * best : 0;
  if (ai) evidence += 0.8;
  if (copy) evidence += 0.8;
  evidence += Math.min(f.lit, 6) * 0.3;
  if (focus || caseFocus) evidence += 0.6;
  if (policyLed) evidence -= 2;
  if (negLed && named.length === 0) evidence -= 2;
  const sigmoid = 1 / (1 + Math.exp(-(evidence - 3)));
  if (byCase || byDescription || byVocabulary || byPlaintiff)
    return { topic: "ai-copyright-litigation", relevance: 0.5 + sigmoid / 2 };
  const other = (ai || named.length > 0) && (f.copy >= 0.8 || named.length > 0);
  return { topic: other ? "ai-copyright-other" : "not-relevant", relevance: Math.min(0.49, sigmoid / 2) };
}
