/** The Worker's configuration from bindings: the ingest budget defaults, SOURCES_JSON, and what is refused. */
import { describe, expect, it } from "vitest";
import { WORKER_BUDGET_DEFAULTS, workerSettings } from "../../src/runtime/worker-settings";
import { CATALOGUE } from "../../src/sources/catalogue";

describe("workerSettings", () => {
  it("uses the Worker budget when the INGEST_* variables are unset, and the catalogue", () => {
    const s = workerSettings({ DB: undefined, PUBLIC_URL: "https://casewire.example" });
    expect(s.budget).toEqual(WORKER_BUDGET_DEFAULTS);
    expect(s.config.ingestBudget).toEqual(WORKER_BUDGET_DEFAULTS);
    expect(s.catalogue).toBe(CATALOGUE);
    expect(s.config.publicUrl).toBe("https://casewire.example");
  });

  it("takes each budget variable that is set, 0 meaning unlimited", () => {
    const s = workerSettings({ INGEST_MAX_SOURCES: "3", INGEST_BUDGET_MS: "0", INGEST_MAX_SUBREQUESTS: " " });
    expect(s.budget).toEqual({
      maxSources: 3,
      deadlineMs: 0,
      maxSubrequests: WORKER_BUDGET_DEFAULTS.maxSubrequests,
    });
  });

  it("ignores bindings that are not strings (D1, KV, ...)", () => {
    const s = workerSettings({ DB: { prepare() {} } as never, PORT: 1234 as never });
    expect(s.config.port).toBe(8787);
  });

  it("reads SOURCES_JSON as the catalogue and names it when it is invalid", () => {
    const list = [{ id: "one", name: "One", kind: "feed", url: "https://one.example/feed" }];
    expect(workerSettings({ SOURCES_JSON: JSON.stringify(list) }).catalogue.map((s) => s.id)).toEqual([
      "one",
    ]);
    expect(() => workerSettings({ SOURCES_JSON: "[{" })).toThrow(/SOURCES_JSON/);
  });

  it("refuses SOURCES_FILE (no file system) and bad variables", () => {
    expect(() => workerSettings({ SOURCES_FILE: "sources.json" })).toThrow(/SOURCES_JSON/);
    expect(() => workerSettings({ INGEST_MAX_SOURCES: "many" })).toThrow(/INGEST_MAX_SOURCES/);
  });
});
