/** Optional matcher hints carried by a registry case next to its facts. */
import type { CaseDef } from "../types";

/**
 * How the press names a case's parties and what tells it apart. Every list is optional: without hints the
 * matcher derives names from the case facts (caption, aliases, parties, judge, docket, key terms).
 * A list given here replaces the names derived for that role.
 */
export interface MatchHints {
  /** Names that identify the case by themselves: short captions, nicknames, unique datasets or products. */
  ids?: string[];
  /** Plaintiff short forms as the press writes them ("Kadrey", "the Times"). */
  plaintiffs?: string[];
  /** Plaintiff names too common to count alone ("Universal", "Variety"): they count next to a defendant. */
  weakPlaintiffs?: string[];
  /** Generic descriptions of the plaintiff side ("authors", "music publishers"): they count next to a defendant. */
  plaintiffKinds?: string[];
  /** Defendant short forms ("Meta", "OpenAI"). */
  defendants?: string[];
  /** Products or models of the defendant that stand for it ("Llama", "Claude"). */
  products?: string[];
  /** Judge names as written ("Chhabria", "Judge Alsup"). */
  judges?: string[];
  /** Distinctive terms (datasets, figures, works) that point to this case. */
  terms?: string[];
  /** Telling but common terms ("lyrics"): half the weight of `terms`. */
  weakTerms?: string[];
  /** Key terms of the facts that are too generic to help. */
  ignoreTerms?: string[];
  /** Aliases of the facts that are too loose to identify the case. */
  ignoreAliases?: string[];
  /** Court, place, jurisdiction or year words that tell this case from a sibling sharing its parties. */
  venue?: string[];
}

/** A registry case: the facts plus optional matcher hints. Any CaseDef is a RegistryCase. */
export interface RegistryCase extends CaseDef {
  match?: MatchHints;
}
