/** Foreign and alternative written forms derived from registry facts: kinds, katakana names, amounts, captions. */
import { describe, expect, it } from "vitest";
import { figureVariants } from "../../../src/domain/registry/figure-variants";
import { kindTranslations } from "../../../src/domain/registry/kind-translations";
import { nameTransliterations } from "../../../src/domain/registry/name-transliterations";
import { captionVariants, isCaptionLike } from "../../../src/domain/registry/party-names";

describe("name variants", () => {
  it("translates generic plaintiff kinds into German, French and Japanese", () => {
    const authors = kindTranslations(["Authors"]);
    expect(authors).toEqual(expect.arrayContaining(["Autoren", "auteurs", "écrivains", "作家"]));
    expect(kindTranslations(["music publishers"])).toEqual(
      expect.arrayContaining(["Musikverlage", "éditeurs de musique"]),
    );
    expect(kindTranslations(["authors", "writers"])).toEqual(authors); // no duplicates
    expect(kindTranslations(["Canadian outlets", "adult film studio"])).toEqual([]);
  });

  it("writes known party names in katakana", () => {
    expect(nameTransliterations(["Perplexity", "Perplexity AI"])).toEqual(["パープレキシティ"]);
    expect(nameTransliterations(["New York Times"])).toContain("ニューヨーク・タイムズ");
    expect(nameTransliterations(["Kadrey"])).toEqual([]);
  });

  it("writes amounts the way the German, French and Japanese press does", () => {
    expect(figureVariants("$1.5 billion")).toEqual(["1,5 Milliarden", "1,5 milliard", "15億ドル"]);
    expect(figureVariants("$3 billion")).toEqual(["3 Milliarden", "3 milliards", "30億ドル"]);
    expect(figureVariants("20 million")).toEqual(["20 Millionen", "20 millions"]);
    expect(figureVariants("$3,000 per book")).toEqual([]);
    expect(figureVariants("Books3")).toEqual([]);
  });

  it("keeps a plaintiff's 'Company' when its short form would be a common word", () => {
    expect(captionVariants("Like Company v. Google Ireland Limited (Case C-250/25)")).toEqual([
      "Like v. Google Ireland",
      "Like Company v. Google Ireland",
    ]);
    expect(captionVariants("Dow Jones & Company, Inc. et al. v. Perplexity AI, Inc.")).toEqual([
      "Dow Jones v. Perplexity AI",
      "Dow Jones & Company v. Perplexity AI",
    ]);
    expect(captionVariants("ANI Media Pvt. Ltd. v. OpenAI Inc. & Anr.")).toEqual(["ANI Media v. OpenAI"]);
    expect(captionVariants("Bird et al. v. Microsoft Corporation")).toEqual(["Bird v. Microsoft"]);
  });

  it("tells captions from other names", () => {
    for (const c of [
      "Kadrey v. Meta",
      "GEMA gegen OpenAI",
      "ANI vs OpenAI",
      "In re Mosaic LLM Litigation",
      "MDL No. 3143",
    ])
      expect(isCaptionLike(c), c).toBe(true);
    for (const c of ["Mumsnet", "ROSS Intelligence", "the Anthropic authors case", "DABUS"])
      expect(isCaptionLike(c), c).toBe(false);
  });
});
