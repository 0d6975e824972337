import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { getCase, REGISTRY } from "../../../src/domain/registry";
import { captionVariants, judgeNames, partyShortForms } from "../../../src/domain/registry/party-names";

const REFERENCE = resolve(process.cwd(), "../shared/reference/cases.json");

describe("registry", () => {
  const reference = JSON.parse(readFileSync(REFERENCE, "utf8")) as {
    id: string;
    caption: string;
    docket: string | null;
  }[];

  it("holds every reference case with its id, caption and docket unchanged", () => {
    expect(REGISTRY.map((c) => c.id)).toEqual(reference.map((c) => c.id));
    for (const ref of reference) {
      const c = getCase(ref.id);
      expect(c?.caption).toBe(ref.caption);
      expect(c?.docket).toBe(ref.docket ?? "");
    }
  });

  it("has unique ids and related links that point to registry cases", () => {
    const ids = new Set(REGISTRY.map((c) => c.id));
    expect(ids.size).toBe(REGISTRY.length);
    for (const c of REGISTRY) for (const r of c.related) expect(ids.has(r), `${c.id} -> ${r}`).toBe(true);
  });

  it("returns undefined for an unknown id", () => {
    expect(getCase("no-such-case")).toBeUndefined();
  });
});

describe("party names", () => {
  it("derives short forms of party names", () => {
    expect(partyShortForms("Meta Platforms, Inc.")).toEqual(["Meta Platforms, Inc.", "Meta Platforms"]);
    expect(partyShortForms("Daily News LP (New York Daily News)")).toEqual(
      expect.arrayContaining(["Daily News", "New York Daily News"]),
    );
    expect(partyShortForms("other music publishers")).toEqual([]);
  });

  it("derives judge names", () => {
    expect(judgeNames("Sidney H. Stein (Magistrate Judge Ona T. Wang)")).toEqual(
      expect.arrayContaining(["Sidney H. Stein", "Sidney Stein", "Judge Stein", "Ona T. Wang", "Judge Wang"]),
    );
  });

  it("shortens captions the way the press writes them", () => {
    expect(captionVariants("Kadrey et al. v. Meta Platforms, Inc.")).toEqual(["Kadrey v. Meta Platforms"]);
    expect(
      captionVariants("The New York Times Company v. Microsoft Corporation, OpenAI, Inc., et al."),
    ).toEqual(["New York Times v. Microsoft"]);
    expect(
      captionVariants("In re Mosaic LLM Litigation (O'Nan et al. v. Databricks, Inc. and Mosaic ML)"),
    ).toEqual(["In re Mosaic LLM Litigation"]);
  });
});
