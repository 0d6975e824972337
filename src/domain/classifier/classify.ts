/** The classifier: topic, relevance, cases with evidence, and unknown captions for one article. */
import { REGISTRY } from "../registry/cases";
import type { ClassifyInput, ClassifyResult } from "../types";
import { profileArticle } from "./article-profile";
import { unknownCaptions } from "./captions";
import { evidenceList } from "./case-evidence";
import { scoreCases } from "./case-scoring";
import { type CompiledRegistry, compileRegistry, loadRegistry, StaleTablesError } from "./compile-registry";
import { COMPILED_REGISTRY } from "./compiled-registry.generated";
import { scanArticle } from "./scan-article";
import { decideTopic } from "./topic-scoring";

let defaultRegistry: CompiledRegistry | undefined;

/**
 * The built-in registry, loaded on first use from its precompiled tables (compiled now instead if they were
 * generated from another case list).
 */
export function defaultMatcher(): CompiledRegistry {
  if (defaultRegistry) return defaultRegistry;
  try {
    defaultRegistry = loadRegistry(REGISTRY, COMPILED_REGISTRY);
  } catch (err) {
    // Only stale tables fall back to compiling now; any other error is a bug and must surface.
    if (!(err instanceof StaleTablesError)) throw err;
    defaultRegistry = compileRegistry(REGISTRY);
  }
  return defaultRegistry;
}

/**
 * Classifies one article. Pure and synchronous; any input is accepted (non-string fields count as empty), and
 * an exception would be a bug, so none is swallowed here: callers see it (the CLI answers that line with an
 * error, ingest records the source as failed). Cases are
 * returned only for `ai-copyright-litigation`, highest score first; `unknownCaptions` lists "X v. Y"
 * captions of litigation articles that match no registry case.
 */
export function classify(input: ClassifyInput, matcher?: CompiledRegistry): ClassifyResult {
  const reg = matcher ?? defaultMatcher();
  const title = typeof input?.title === "string" ? input.title : "";
  const text = typeof input?.text === "string" ? input.text : "";
  const hits = scanArticle(reg, title, text);
  const profile = profileArticle(reg, hits);
  const gap = (seg: number, from: number, to: number) =>
    (seg === 0 ? hits.title : hits.text).slice(Math.max(0, from), Math.max(from, to));
  const candidates = scoreCases(reg, hits, profile, gap);
  const { topic, relevance } = decideTopic(profile.features, candidates);
  if (topic !== "ai-copyright-litigation") return { topic, relevance, cases: [], unknownCaptions: [] };
  const cases = candidates.map((c) => ({ id: c.id, score: c.score, evidence: evidenceList(reg, c.acc) }));
  const phrases = [...profile.connectors, ...profile.suitBefore, ...profile.suitAfter];
  return {
    topic,
    relevance,
    cases,
    unknownCaptions: unknownCaptions(
      reg,
      hits,
      phrases,
      profile.caseHits,
      cases.map((c) => c.id),
    ),
  };
}
