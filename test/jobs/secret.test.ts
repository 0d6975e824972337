import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getSetting } from "../../src/db/settings-repo";
import { ensureSecret, SECRET_SETTING, secretProvider } from "../../src/jobs/secret";
import type { OpenDb } from "../../src/runtime/node-db";
import { memoryDb } from "../helpers/test-db";

let opened: OpenDb;
beforeEach(async () => {
  opened = await memoryDb();
});
afterEach(() => opened.close());

describe("ensureSecret", () => {
  it("uses SECRET when configured and stores nothing", async () => {
    expect(await ensureSecret(opened.db, "  configured  ")).toBe("configured");
    expect(await getSetting(opened.db, SECRET_SETTING)).toBeNull();
  });

  it("generates 32 random bytes once, stores them and returns the same value afterwards", async () => {
    const [a, b] = await Promise.all([ensureSecret(opened.db), ensureSecret(opened.db, "")]);
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(b).toBe(a);
    expect(await getSetting(opened.db, SECRET_SETTING)).toBe(a);
    expect(await secretProvider(opened.db)()).toBe(a);
  });

  it("differs between databases", async () => {
    const other = await memoryDb();
    try {
      expect(await ensureSecret(other.db)).not.toBe(await ensureSecret(opened.db));
    } finally {
      other.close();
    }
  });
});
