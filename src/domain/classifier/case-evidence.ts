/**
 * What an article gives for each case while it is scored (evidence occurrences, names, terms, links), and the
 * evidence list shown for a case that is kept.
 */
import type { CompiledRegistry } from "./compile-registry";

/**
 * Key of one piece of evidence: a pattern in a sentence (sentences past 999,999 count as one). Usually below
 * 2^30, so V8 keeps it a small integer; other pairs map above 2^30, to keys of their own.
 */
function evKey(p: number, sent: number): number {
  if (p < 2048 && sent < 524_288) return sent * 2048 + p;
  return 1_073_741_824 + p * 1_000_000 + Math.min(sent, 999_999);
}

/** Adds `x` to a short list of distinct numbers (a case collects a handful of distinct terms per article). */
export function addOnce(list: number[], x: number): void {
  if (!list.includes(x)) list.push(x);
}

/** What an article gives for one case. */
export class Acc {
  /** Evidence occurrences (pattern in sentence; party mentions only when linked). */
  ev = new Set<number>();
  /** Evidence patterns in order of first evidence, with their display weight. */
  shown: number[] = [];
  shownWeight: number[] = [];
  def: number[] = [];
  venue: number[] = [];
  plaintiffs: number[] = [];
  judges: number[] = [];
  terms: number[] = [];
  /** Distinct sentences with evidence (unbounded on long texts, hence a set). */
  sentences = new Set<number>();
  strong = 0;
  pair = -1;
  free = false;
  sued = false;
  /** A venue word and a defendant of the case share a litigation sentence. */
  court = false;
  termW = 0;
  strongTerms = 0;
  titleStrong = false;
  titleMention = false;

  /** Records pattern `p` as evidence in sentence `sent`, shown with weight `w`. */
  note(p: number, w: number, sent: number): void {
    this.ev.add(evKey(p, sent));
    const i = this.shown.indexOf(p);
    if (i < 0) {
      this.shown.push(p);
      this.shownWeight.push(Math.max(0, w));
    } else if (w > this.shownWeight[i]!) this.shownWeight[i] = w;
    this.sentences.add(sent);
  }
}

/** Per-case slots and the cases using them, reused from article to article (classification is synchronous). */
interface Slots {
  byCase: (Acc | undefined)[];
  used: number[];
}

const slots = new WeakMap<CompiledRegistry, Slots>();

/** The cases an article gives evidence for, by case index, in order of first evidence. */
export class Accs {
  private readonly byCase: (Acc | undefined)[];
  readonly cases: number[];

  constructor(reg: CompiledRegistry) {
    let sl = slots.get(reg);
    if (sl === undefined) {
      sl = { byCase: new Array(reg.cases.length).fill(undefined), used: [] };
      slots.set(reg, sl);
    }
    for (const c of sl.used) sl.byCase[c] = undefined; // also clears what an interrupted call left
    sl.used.length = 0;
    this.byCase = sl.byCase;
    this.cases = sl.used;
  }

  /** The case's evidence, if any yet. */
  get(c: number): Acc | undefined {
    return this.byCase[c];
  }

  /** The case's evidence, created empty on first use. */
  open(c: number): Acc {
    let a = this.byCase[c];
    if (a === undefined) {
      a = new Acc();
      this.byCase[c] = a;
      this.cases.push(c);
    }
    return a;
  }
}

function containedIn(shown: readonly string[], key: string): boolean {
  for (const k of shown) if (k.includes(key)) return true;
  return false;
}

/** The terms that decided a case, strongest first; a term already contained in a shown one is left out. */
export function evidenceList(reg: CompiledRegistry, a: Acc): string[] {
  // stable insertion sort by weight, then longer display first (a handful of terms)
  const ranked: number[] = [];
  const weight: number[] = [];
  const length: number[] = [];
  for (let j = 0; j < a.shown.length; j++) {
    const p = a.shown[j]!;
    const w = a.shownWeight[j]!;
    const len = reg.patterns[p]!.display.length;
    let i = ranked.length;
    for (; i > 0 && (weight[i - 1]! < w || (weight[i - 1] === w && length[i - 1]! < len)); i--) {
      ranked[i] = ranked[i - 1]!;
      weight[i] = weight[i - 1]!;
      length[i] = length[i - 1]!;
    }
    ranked[i] = p;
    weight[i] = w;
    length[i] = len;
  }
  const seen: string[] = [];
  const out: string[] = [];
  for (const list of [ranked, a.def]) {
    for (const p of list) {
      const info = reg.patterns[p]!;
      if (containedIn(seen, info.displayKey)) continue;
      seen.push(info.displayKey);
      out.push(info.display);
      if (out.length === 6) return out;
    }
  }
  return out;
}
