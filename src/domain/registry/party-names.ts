/** Short forms of party names, judges and captions as the press writes them, derived from registry facts. */

const SUFFIX =
  /(?:,?\s+(?:inc|incorporated|llc|l\.l\.c|ltd|limited|lp|l\.p|llp|lllp|plc|pbc|corp|corporation|co|company|gmbh|ag|s\.?p\.?a|e\.\s?v|pvt|uab|s\.?a|n\.?v|b\.?v|et al|and affiliates|affiliates|& ors|and others)\.?)+\s*$/i;

/** Drops corporate suffixes ("Inc.", "LLC", "PBC", "et al.") and a leading "The". */
export function stripCorporateSuffixes(name: string): string {
  let s = name.trim();
  for (let i = 0; i < 4; i++) {
    const next = s.replace(SUFFIX, "").trim();
    if (next === s) break;
    s = next;
  }
  return s.replace(/^the\s+/i, "").trim();
}

/**
 * Short forms of a party name: the name without parentheses, without corporate suffixes, and a name given in
 * parentheses ("Daily News LP (New York Daily News)"). Descriptions starting in lower case are dropped.
 */
export function partyShortForms(name: string): string[] {
  const out = new Set<string>();
  const inner = [...name.matchAll(/\(([^)]*)\)/g)].flatMap((m) => m[1]!.split(/,\s+/)).map((s) => s.trim());
  const outer = name
    .replace(/\([^)]*\)/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  for (const part of [outer, ...inner]) {
    for (const piece of part.split(/\s+\/\s+/)) {
      if (!/^[\p{Lu}\d]/u.test(piece)) continue;
      out.add(piece);
      const short = stripCorporateSuffixes(piece);
      if (short.length >= 3) out.add(short);
    }
  }
  return [...out];
}

const NAME = /^(\p{Lu}[\p{L}'’-]+)((?:\s+\p{Lu}\.)*)((?:\s+\p{Lu}[\p{L}'’-]+)+)$/u;
const TITLES =
  /\b(?:(?:Mrs|Mr|Ms)\.?\s+Justice|Chief\s+Judge|Magistrate\s+Judge|Senior\s+Judge|Judge|Justice)\s+/g;

/**
 * Judge names from the registry's judge field ("Sidney H. Stein (Magistrate Judge Ona T. Wang)"): each full
 * name, the name without middle initials and "Judge <surname>".
 */
export function judgeNames(judge: string): string[] {
  const out = new Set<string>();
  for (const raw of judge.replace(TITLES, "").split(/[;(),]|\s+and\s+|\s+after\s+transfer\s+/i)) {
    const m = NAME.exec(raw.trim());
    if (!m) continue;
    const first = m[1]!;
    const rest = m[3]!.trim();
    const surname = rest.split(/\s+/).pop()!;
    out.add(`${first}${m[2] ?? ""} ${rest}`.replace(/\s+/g, " "));
    out.add(`${first} ${rest}`);
    out.add(`Judge ${surname}`);
  }
  return [...out];
}

const CONNECTOR = /\s+(?:v\.?|vs\.?|versus)\s+/i;
const CAPTION_LIKE = /\s(?:v\.?|vs\.?|versus|gegen|contre|c\.)\s|^in re\b|\bMDL\b/i;

/** Whether a name of a case reads as a court caption ("X v. Y", "GEMA gegen Suno", "In re …", "MDL No. 3143"). */
export function isCaptionLike(name: string): boolean {
  return CAPTION_LIKE.test(name);
}

/** A party's own name ends in "Company" or "Corp" ("Like Company", "News Corp"): the short form alone is too loose. */
const NAME_WITH_COMPANY = /\s(?:company|corp\.?|corporation|co\.)$/i;

/**
 * Written forms of one side of a caption: its first party without "et al.", corporate suffixes or brackets; a
 * plaintiff (`keepCompany`) named "X Company" keeps that form too.
 */
function sideForms(side: string, keepCompany: boolean): string[] {
  const clean = side
    .replace(/\[.*$/, " ")
    .replace(/,?\s+et al\.?/gi, " ")
    .replace(/\s*&\s*(?:anr|ors)\.?(?=\s|$)/gi, " ")
    .replace(/\s+/g, " ")
    .replace(/\s+,/g, ",")
    .trim();
  const first = clean.split(/,\s+|\s+and\s+/)[0]!.trim();
  const short = stripCorporateSuffixes(first).replace(/\s*&$/, "").trim();
  const out: string[] = [];
  if (short.length >= 2) out.push(short);
  if (
    short !== first &&
    (/&\s*\S+$/.test(first) || (keepCompany && !short.includes(" ") && NAME_WITH_COMPANY.test(first)))
  ) {
    out.push(first.replace(/^the\s+/i, ""));
  }
  return out;
}

/**
 * The written forms of a caption or caption-like alias as the press uses them: "Kadrey et al. v. Meta
 * Platforms, Inc." becomes "Kadrey v. Meta Platforms" ("et al.", corporate suffixes and further parties
 * dropped); a party whose name ends in "Company" keeps that form too ("Like Company v. Google Ireland").
 */
export function captionVariants(caption: string): string[] {
  const text = caption
    .replace(/\([^)]*\)/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  const parts = text.split(CONNECTOR);
  if (parts.length !== 2) return [text];
  const out: string[] = [];
  for (const left of sideForms(parts[0]!, true)) {
    for (const right of sideForms(parts[1]!, false)) out.push(`${left} v. ${right}`);
  }
  return out;
}
