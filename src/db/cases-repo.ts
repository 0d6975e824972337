/** Seeds and refreshes the case registry in the `cases` table. */
import { hashText } from "../domain/hash-text";
import type { CaseDef } from "../domain/types";
import { type BatchStatement, type Db, notInList, runBatch } from "./database";
import { articleCases, cases } from "./schema";

/** The date prefix of a registry status line ("2025-06-25: …" → "2025-06-25"). */
export function statusDate(status: string): string | null {
  const m = /^(\d{4}-\d{2}(?:-\d{2})?)/.exec(status.trim());
  return m ? (m[1] ?? null) : null;
}

/** Inserts new cases, rewrites changed ones and deletes cases no longer in the registry; returns counts. */
export async function syncRegistry(
  db: Db,
  registry: readonly CaseDef[],
): Promise<{ inserted: number; updated: number; removed: number }> {
  const existing = new Map(
    (await db.select({ id: cases.id, hash: cases.dataHash }).from(cases)).map((r) => [r.id, r.hash]),
  );
  const statements: BatchStatement[] = [];
  let inserted = 0;
  let updated = 0;
  for (const c of registry) {
    const data = JSON.stringify(c);
    const dataHash = hashText(data);
    const prev = existing.get(c.id);
    if (prev === dataHash) continue;
    if (prev === undefined) inserted++;
    else updated++;
    const values = {
      id: c.id,
      caption: c.caption,
      aliases: c.aliases,
      court: c.court,
      docket: c.docket,
      jurisdiction: c.jurisdiction,
      filed: c.filed,
      judge: c.judge,
      status: c.status,
      statusDate: statusDate(c.status),
      plaintiffs: c.plaintiffs,
      defendants: c.defendants,
      keyTerms: c.keyTerms,
      related: c.related,
      data,
      dataHash,
    };
    statements.push(db.insert(cases).values(values).onConflictDoUpdate({ target: cases.id, set: values }));
  }
  const ids = registry.map((c) => c.id);
  const removed = [...existing.keys()].filter((id) => !ids.includes(id)).length;
  if (removed > 0) {
    statements.push(db.delete(cases).where(notInList(cases.id, ids)));
    statements.push(db.delete(articleCases).where(notInList(articleCases.caseId, ids)));
  }
  await runBatch(db, statements);
  return { inserted, updated, removed };
}
