/** Remembers the data version for a short time so a burst of requests costs one version query, not one each. */
import { type DataVersion, readDataVersion } from "../db/data-version";
import type { Db } from "../db/database";

/** The current data version, cached for `ttlMs`. */
export interface VersionCache {
  /** The data version, read again when older than the TTL (concurrent callers share one query). */
  get(): Promise<DataVersion>;
  /** The cached version while it is within its TTL, else null (never queries). */
  peek(): DataVersion | null;
  /** Forgets the cached version (after a write made through the app). */
  invalidate(): void;
}

/** Creates the cache; `ttlMs` 0 reads the version on every call. */
export function createVersionCache(db: Db, now: () => number, ttlMs: number): VersionCache {
  let value: DataVersion | null = null;
  let readAt = 0;
  let pending: Promise<DataVersion> | null = null;
  let generation = 0;
  return {
    get() {
      if (value && ttlMs > 0 && now() - readAt < ttlMs) return Promise.resolve(value);
      if (pending) return pending;
      const gen = generation;
      const started = now();
      pending = readDataVersion(db)
        .then((v) => {
          if (gen === generation) {
            value = v;
            readAt = started;
          }
          return v;
        })
        .finally(() => {
          pending = null;
        });
      return pending;
    },
    peek() {
      return value && ttlMs > 0 && now() - readAt < ttlMs ? value : null;
    },
    invalidate() {
      generation++;
      value = null;
      pending = null;
    },
  };
}
