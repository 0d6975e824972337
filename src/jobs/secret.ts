/** The HMAC key for subscription links: SECRET when configured, else one generated once and kept in settings. */

import type { Db } from "../db/database";
import { settings } from "../db/schema";
import { getSetting } from "../db/settings-repo";

/** Settings key of the generated secret. */
export const SECRET_SETTING = "secret";

function randomSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  let bin = "";
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/**
 * The secret to sign links with: `configured` (SECRET) when non-empty; otherwise the one stored in settings,
 * generated (32 random bytes) and stored on first use. Concurrent first calls agree: the insert is
 * insert-or-ignore and the stored value is read back.
 */
export async function ensureSecret(db: Db, configured?: string): Promise<string> {
  const given = configured?.trim();
  if (given) return given;
  const existing = await getSetting(db, SECRET_SETTING);
  if (existing) return existing;
  await db
    .insert(settings)
    .values({ key: SECRET_SETTING, value: randomSecret(), updatedAt: new Date().toISOString() })
    .onConflictDoNothing();
  const stored = await getSetting(db, SECRET_SETTING);
  if (!stored) throw new Error("could not store the generated SECRET");
  return stored;
}

/** A memoised `() => ensureSecret(db, configured)` (a failed attempt is retried on the next call). */
export function secretProvider(db: Db, configured?: string): () => Promise<string> {
  let pending: Promise<string> | null = null;
  return () => {
    pending ??= ensureSecret(db, configured).catch((err) => {
      pending = null;
      throw err;
    });
    return pending;
  };
}
