/** Seeds the case registry and the source catalogue into the database (run by `migrate`, `serve` and `ingest`). */

import { syncRegistry } from "../db/cases-repo";
import type { Db } from "../db/database";
import { syncCatalogue } from "../db/sources-repo";
import { REGISTRY } from "../domain/registry/cases";
import type { SourceDef } from "../domain/types";

/** Brings `cases` and `sources` in line with the registry and the given catalogue. */
export async function seedDatabase(
  db: Db,
  catalogue: readonly SourceDef[],
): Promise<{ cases: { inserted: number; updated: number; removed: number }; sources: number }> {
  const cases = await syncRegistry(db, REGISTRY);
  await syncCatalogue(db, catalogue);
  return { cases, sources: catalogue.length };
}
