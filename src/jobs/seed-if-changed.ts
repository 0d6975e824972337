/** Seeds the registry and catalogue only when they differ from what was last seeded (one settings read otherwise). */
import type { Db } from "../db/database";
import { getSetting, putSetting } from "../db/settings-repo";
import { REGISTRY } from "../domain/registry/cases";
import type { SourceDef } from "../domain/types";
import { seedDatabase } from "./seed";

/** `settings` key holding the fingerprint of the last seeded registry + catalogue. */
export const SEED_HASH_KEY = "seed_hash";

/** Bump when the seeding logic changes in a way that must re-run on existing databases. */
const SEED_FORMAT = 1;

/** sha-256 (hex) of the registry and catalogue as they would be seeded (Web Crypto: Node and Workers). */
export async function seedFingerprint(catalogue: readonly SourceDef[]): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify([SEED_FORMAT, REGISTRY, catalogue]));
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** Seeds when the stored fingerprint differs from this registry + catalogue; returns whether it seeded. */
export async function seedIfChanged(
  db: Db,
  catalogue: readonly SourceDef[],
  nowIso: string,
): Promise<boolean> {
  const fingerprint = await seedFingerprint(catalogue);
  if ((await getSetting(db, SEED_HASH_KEY)) === fingerprint) return false;
  await seedDatabase(db, catalogue);
  await putSetting(db, SEED_HASH_KEY, fingerprint, nowIso);
  return true;
}
