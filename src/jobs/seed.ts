/**
 * Seeds the case registry and the source catalogue into the database. Every seeding records a fingerprint of
 * what it seeded, so `seedIfChanged` (serve, ingest, the Worker) costs one settings read when nothing changed,
 * and `seedDatabase` (migrate) always rewrites.
 */
import { syncRegistry } from "../db/cases-repo";
import type { Db } from "../db/database";
import { getSetting, putSetting } from "../db/settings-repo";
import { syncCatalogue } from "../db/sources-repo";
import { REGISTRY } from "../domain/registry/cases";
import type { SourceDef } from "../domain/types";

/** `settings` key holding the fingerprint of the last seeded registry + catalogue. */
export const SEED_HASH_KEY = "seed_hash";

/** Bump when the seeding logic changes in a way that must re-run on existing databases. */
const SEED_FORMAT = 1;

/** What a seeding changed. */
export interface SeedResult {
  cases: { inserted: number; updated: number; removed: number };
  sources: number;
}

/** sha-256 (hex) of the registry and catalogue as they would be seeded (Web Crypto: Node and Workers). */
export async function seedFingerprint(catalogue: readonly SourceDef[]): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify([SEED_FORMAT, REGISTRY, catalogue]));
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** Brings `cases` and `sources` in line with the registry and the given catalogue, and records its fingerprint. */
export async function seedDatabase(
  db: Db,
  catalogue: readonly SourceDef[],
  nowIso: string = new Date().toISOString(),
): Promise<SeedResult> {
  const cases = await syncRegistry(db, REGISTRY);
  await syncCatalogue(db, catalogue);
  await putSetting(db, SEED_HASH_KEY, await seedFingerprint(catalogue), nowIso);
  return { cases, sources: catalogue.length };
}

/** Seeds when the stored fingerprint differs from this registry + catalogue; null when nothing had changed. */
export async function seedIfChanged(
  db: Db,
  catalogue: readonly SourceDef[],
  nowIso: string,
): Promise<SeedResult | null> {
  if ((await getSetting(db, SEED_HASH_KEY)) === (await seedFingerprint(catalogue))) return null;
  return seedDatabase(db, catalogue, nowIso);
}
