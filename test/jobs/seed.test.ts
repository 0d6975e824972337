import { afterAll, describe, expect, it } from "vitest";
import { listSources } from "../../src/db/sources-repo";
import type { SourceDef } from "../../src/domain/types";
import { seedDatabase, seedIfChanged } from "../../src/jobs/seed";
import { memoryDb } from "../helpers/test-db";

const A: SourceDef[] = [{ id: "a", name: "A", kind: "feed", url: "https://a.example/feed" }];
const B: SourceDef[] = [{ id: "b", name: "B", kind: "feed", url: "https://b.example/feed" }];

describe("seeding", () => {
  const closers: (() => void)[] = [];
  afterAll(() => {
    for (const c of closers) c();
  });

  it("seeds once, then skips until the catalogue changes — whichever path seeded last", async () => {
    const { db, close } = await memoryDb();
    closers.push(close);
    const now = "2026-11-01T00:00:00.000Z";
    expect(await seedIfChanged(db, A, now)).not.toBeNull();
    expect(await seedIfChanged(db, A, now)).toBeNull();
    // Another process (e.g. `ingest --sources B` on a shared database) seeds B with the full path…
    await seedDatabase(db, B, now);
    // …so A is seeded again rather than skipped on a stale fingerprint.
    const again = await seedIfChanged(db, A, now);
    expect(again).toMatchObject({ sources: 1, cases: { inserted: 0, updated: 0, removed: 0 } });
    const enabled = (await listSources(db)).filter((s) => s.enabled).map((s) => s.id);
    expect(enabled).toEqual(["a"]);
  });
});
