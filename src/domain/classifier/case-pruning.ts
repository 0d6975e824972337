/**
 * Which of the cases an article gives evidence for are kept: siblings whose evidence is contained in another's
 * give way, as do cases described only by a court place or a generic plaintiff kind when a better-named case
 * shares their defendant.
 */
import type { Acc } from "./case-evidence";
import type { CompiledRegistry } from "./compile-registry";

function isSubset(small: ReadonlySet<number>, big: ReadonlySet<number>): boolean {
  if (small.size > big.size) return false;
  for (const p of small) if (!big.has(p)) return false;
  return true;
}

function isSubList(small: readonly number[], big: readonly number[]): boolean {
  if (small.length > big.length) return false;
  for (const p of small) if (!big.includes(p)) return false;
  return true;
}

/** Described only by a court place next to a defendant. */
function courtOnly(a: Acc): boolean {
  return (
    a.court && !a.sued && a.pair < 1 && a.strong === 0 && a.judges.length === 0 && a.plaintiffs.length === 0
  );
}

/** Described only by a generic kind of plaintiff linked to a defendant ("éditeurs de presse … OpenAI"). */
function kindOnly(a: Acc): boolean {
  return (
    a.pair === 1 &&
    !a.court &&
    a.strong === 0 &&
    a.plaintiffs.length === 0 &&
    a.judges.length === 0 &&
    a.termW === 0
  );
}

/**
 * Cases described only by a court place or a plaintiff kind give way to a case that names a plaintiff against
 * one of their defendants (the kind or place then most likely speaks of that plaintiff).
 */
function dropWeaklyDescribed(kept: [number, Acc][]): [number, Acc][] {
  if (!kept.some(([, a]) => courtOnly(a) || kindOnly(a))) return kept;
  return kept.filter(([, a]) => {
    if (courtOnly(a)) return !kept.some(([, b]) => !courtOnly(b) && b.def.some((p) => a.def.includes(p)));
    if (kindOnly(a)) {
      return !kept.some(
        ([, b]) => (b.pair >= 3 || b.plaintiffs.length > 0) && b.def.some((p) => a.def.includes(p)),
      );
    }
    return true;
  });
}

const leadKeys = new WeakMap<CompiledRegistry, string[]>();

/** The lead defendant of each case as the press names it, lower case ("microsoft" for Bird v. Microsoft). */
function leadKey(reg: CompiledRegistry, c: number): string {
  let keys = leadKeys.get(reg);
  if (keys === undefined) {
    keys = reg.cases.map((k) => (k.match?.defendants?.[0] ?? k.defendants[0] ?? "").toLowerCase());
    leadKeys.set(reg, keys);
  }
  return keys[c]!;
}

/** Whether the article names the case's lead defendant. */
function namesLead(reg: CompiledRegistry, c: number, a: Acc): boolean {
  const lead = leadKey(reg, c);
  return lead !== "" && a.def.some((p) => reg.patterns[p]!.displayKey === lead);
}

/**
 * Drops candidates whose evidence is contained in another's. With equal evidence, court and place words
 * decide; with those equal too, a named case keeps the sibling sued as lead defendant ("authors v. Microsoft"
 * is Bird v. Microsoft, not a suit against OpenAI and Microsoft), then the earliest-filed one; weaker evidence
 * keeps none.
 */
function prune(reg: CompiledRegistry, cands: [number, Acc][]): [number, Acc][] {
  const drop = new Set<number>();
  for (const [c, a] of cands) {
    for (const [d, b] of cands) {
      if (c === d || !isSubset(a.ev, b.ev)) continue;
      if (a.ev.size < b.ev.size) drop.add(c);
      else if (!isSubList(a.venue, b.venue)) continue;
      else if (a.venue.length < b.venue.length) drop.add(c);
      else if (a.strong > 0 || a.pair >= 1) {
        const lead = namesLead(reg, c, a);
        if (lead !== namesLead(reg, d, b)) {
          if (!lead) drop.add(c);
        } else if (reg.filed[c]! > reg.filed[d]! || (reg.filed[c] === reg.filed[d] && c > d)) drop.add(c);
      } else drop.add(c);
    }
  }
  return cands.filter(([c]) => !drop.has(c));
}

/** The cases kept for an article, from those with enough evidence of their own. */
export function pruneCases(reg: CompiledRegistry, kept: [number, Acc][]): [number, Acc][] {
  return prune(reg, dropWeaklyDescribed(kept));
}
