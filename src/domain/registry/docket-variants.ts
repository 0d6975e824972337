/** The usual written forms of a docket number, generated from the registry's docket field. */

const FEDERAL = /^(?:(\d{1,2}):)?(\d{2})-([a-z]{2,3})-0*(\d{1,6})((?:-[A-Z]{2,4})*)$/i;
const APPELLATE = /^(?:No\.?\s*)?(\d{2})-(\d{1,5})$/i;

function federalForms(m: RegExpExecArray): string[] {
  const [, office, year, kind, num, judges] = m;
  const padded = num!.padStart(5, "0");
  const k = kind!.toLowerCase();
  const forms = [`${year}-${k}-${padded}`, `${year}-${k}-${num}`];
  if (office) forms.unshift(`${office}:${year}-${k}-${padded}`);
  if (judges) {
    forms.push(`${year}-${k}-${padded}${judges}`);
    forms.push(`${year}-${num}${judges.split("-").slice(0, 2).join("-")}`);
  }
  if (k === "md") forms.push(`MDL No. ${Number(num)}`);
  return forms;
}

/**
 * Written forms of each docket number in `docket` (several may be separated by ";"): "3:23-cv-03417-VC" gives
 * "3:23-cv-03417", "23-cv-03417", "23-cv-3417" and "23-3417-VC"; appellate numbers keep their "No." prefix
 * when short; other national formats ("42 O 14139/24", "C-250/25") are kept as written.
 */
export function docketVariants(docket: string): string[] {
  const out = new Set<string>();
  for (const raw of docket.split(";")) {
    const part = raw.replace(/\s\([^)]*\)/g, " ").trim();
    if (!part) continue;
    const f = FEDERAL.exec(part);
    if (f) {
      for (const v of federalForms(f)) out.add(v);
      continue;
    }
    const a = APPELLATE.exec(part);
    if (a) {
      const num = a[2]!;
      out.add(`No. ${a[1]}-${num}`);
      if (num.length >= 4) out.add(`${a[1]}-${num}`);
      continue;
    }
    if (/\d/.test(part) && part.length >= 5) out.add(part);
  }
  return [...out];
}
