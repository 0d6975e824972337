/** The terms the matcher looks for per case, derived from the registry facts and the case's hints. */
import { docketVariants } from "../registry/docket-variants";
import { kindTranslations } from "../registry/kind-translations";
import type { RegistryCase } from "../registry/match-hints";
import { nameTransliterations } from "../registry/name-transliterations";
import { captionVariants, judgeNames, partyShortForms } from "../registry/party-names";

/** What a term says about a case. */
export type Role =
  | "id"
  | "docket"
  | "plaintiff"
  | "weak"
  | "kind"
  | "defendant"
  | "product"
  | "judge"
  | "term"
  | "key"
  | "venue";

/** One term of one case. */
export interface TermSpec {
  text: string;
  role: Role;
}

const DISTRICT =
  /\b(?:(?:Northern|Southern|Eastern|Western|Central|Middle)\s+)?District of [A-Z][a-z]+(?: [A-Z][a-z]+)?/g;

function venueFromCourt(court: string): string[] {
  const out = [...court.matchAll(DISTRICT)].map((m) => m[0]);
  const first = court.split(/[(;]/)[0]!.trim();
  if (first && first.split(/\s+/).length <= 5) out.push(first);
  return out;
}

function isProductName(s: string): boolean {
  return /^[\p{Lu}\d]/u.test(s) && s.split(/\s+/).length <= 3 && !s.includes("(");
}

function lowerSet(list: readonly string[] | undefined): Set<string> {
  return new Set((list ?? []).map((s) => s.toLowerCase()));
}

/** Every term of a case with its role; duplicates are left to the compiler. */
export function caseTermSpecs(c: RegistryCase): TermSpec[] {
  const h = c.match ?? {};
  const out: TermSpec[] = [];
  const add = (role: Role, texts: readonly string[]) => {
    for (const text of texts) if (text.trim()) out.push({ text, role });
  };
  const skipAliases = lowerSet(h.ignoreAliases);
  const aliases = c.aliases.filter((a) => !skipAliases.has(a.toLowerCase()));
  // headlines drop the article: "the Anthropic settlement" is also "Anthropic settlement"
  const bare = aliases.filter((a) => /^the\s+\S+\s+\S/i.test(a)).map((a) => a.replace(/^the\s+/i, ""));
  const idTexts = [c.caption, ...aliases, ...bare, ...(h.ids ?? [])];
  add("id", idTexts.flatMap(captionVariants));
  add("docket", docketVariants(c.docket));
  const plaintiffs = h.plaintiffs ?? c.plaintiffs.flatMap(partyShortForms);
  add("plaintiff", plaintiffs);
  add("plaintiff", nameTransliterations(plaintiffs));
  add("weak", h.weakPlaintiffs ?? []);
  for (const kind of h.plaintiffKinds ?? []) add(/\p{Lu}/u.test(kind) ? "plaintiff" : "kind", [kind]);
  add("kind", kindTranslations(h.plaintiffKinds ?? []));
  const defendants = h.defendants ?? c.defendants.flatMap(partyShortForms);
  add("defendant", defendants);
  add("defendant", nameTransliterations(defendants));
  add("product", h.products ?? c.modelsOrProducts.filter(isProductName));
  add("judge", h.judges ?? judgeNames(c.judge));
  add("term", h.terms ?? []);
  add("key", h.weakTerms ?? []);
  const skipTerms = lowerSet(h.ignoreTerms);
  add(
    "key",
    c.keyTerms.filter((t) => !skipTerms.has(t.toLowerCase())),
  );
  add("venue", h.venue ?? venueFromCourt(c.court));
  return out;
}
