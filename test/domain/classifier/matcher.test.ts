import { describe, expect, it } from "vitest";
import { ScanSink, scanText } from "../../../src/domain/classifier/automaton";
import { classify, defaultMatcher } from "../../../src/domain/classifier/classify";
import { compileRegistry } from "../../../src/domain/classifier/compile-registry";
import { REGISTRY } from "../../../src/domain/registry/cases";
import { docketVariants } from "../../../src/domain/registry/docket-variants";

/** The displays of all patterns found in `text` (with the matched slice). */
function found(text: string): { term: string; slice: string }[] {
  const reg = defaultMatcher();
  const sink = new ScanSink();
  scanText(reg.automaton, text, sink);
  const out: { term: string; slice: string }[] = [];
  for (let i = 0; i < sink.count; i++) {
    out.push({ term: reg.patterns[sink.pat[i]!]!.display, slice: text.slice(sink.start[i]!, sink.end[i]!) });
  }
  return out;
}

const terms = (text: string) => found(text).map((f) => f.term);
const caseIds = (title: string, text = "") => classify({ title, text }).cases.map((c) => c.id);

describe("automaton matching", () => {
  it("folds case and diacritics both ways (Díaz = Diaz = DÍAZ)", () => {
    for (const text of [
      "Junot Díaz spoke",
      "junot diaz spoke",
      "JUNOT DÍAZ SPOKE",
      "Junot Di\u0301az spoke",
    ]) {
      expect(terms(text)).toContain("Junot Díaz");
    }
    expect(found("Martinez-Olguin ruled")[0]).toMatchObject({
      term: "Martínez-Olguín",
      slice: "Martinez-Olguin",
    });
  });

  it("matches at word boundaries only", () => {
    expect(terms("the metaverse and metadata")).not.toContain("Meta");
    expect(terms("Meta, OpenAI.")).toEqual(expect.arrayContaining(["Meta", "OpenAI"]));
    expect(terms("Suno's rival")).toContain("Suno");
    expect(terms("Sunoco gas")).not.toContain("Suno");
    expect(terms("unsuitable")).not.toContain("suit");
  });

  it("tolerates possessives and punctuation inside names", () => {
    expect(terms("Meta's Llama models")).toEqual(expect.arrayContaining(["Meta", "Llama"]));
    expect(terms("the New York Times’ lawyers")).toContain("New York Times");
    expect(terms("Ta Nehisi Coates")).toContain("Ta-Nehisi Coates");
    expect(terms("Anna’s Archive")).toContain("Anna's Archive");
  });

  it("reports exact start and end offsets", () => {
    const text = "In 2023,  Richard   Kadrey sued.";
    const hit = found(text).find((f) => f.term === "Richard Kadrey");
    expect(hit?.slice).toBe("Richard   Kadrey");
  });

  it("matches German compounds through open-ended terms", () => {
    expect(terms("wegen Urheberrechtsverletzung verklagt")).toEqual(
      expect.arrayContaining(["Urheberrecht", "verklagt"]),
    );
    expect(terms("droits d’auteur")).toContain("droits d'auteur");
  });

  it("matches CJK terms without spaces and full-width Latin", () => {
    expect(terms("読売新聞社が米パープレキシティを提訴")).toEqual(
      expect.arrayContaining(["読売新聞", "パープレキシティ", "提訴"]),
    );
    expect(terms("生成ＡＩと著作権")).toEqual(expect.arrayContaining(["AI", "著作権"]));
  });

  it("verifies bucketed scripts exactly (no false match on a lookalike)", () => {
    expect(terms("قضية حقوق النشر")).toContain("حقوق النشر");
    expect(terms("قضية حقوق الطبع")).not.toContain("حقوق النشر");
  });
});

describe("docket variants", () => {
  it("writes federal dockets in the usual forms", () => {
    expect(docketVariants("3:23-cv-03417-VC")).toEqual(
      expect.arrayContaining(["3:23-cv-03417", "23-cv-03417", "23-cv-3417"]),
    );
    expect(docketVariants("1:25-md-03143-SHS-OTW")).toEqual(
      expect.arrayContaining(["25-md-3143", "MDL No. 3143"]),
    );
    expect(
      docketVariants("1:22-cv-01564 (D.D.C.); No. 23-5233 (D.C. Cir.); No. 25-449 (U.S. Supreme Court)"),
    ).toEqual(expect.arrayContaining(["22-cv-1564", "No. 23-5233", "No. 25-449"]));
    expect(docketVariants("CS(COMM) 1028/2024")).toEqual(["CS(COMM) 1028/2024"]);
    expect(docketVariants("")).toEqual([]);
  });

  it("finds a case from any written form of its docket", () => {
    for (const docket of ["3:23-cv-03417", "No. 23-cv-3417", "Case No. 23-cv-03417-VC"]) {
      expect(
        caseIds("Ruling in copyright lawsuit over AI training", `The AI case is ${docket} in federal court.`),
      ).toEqual(["kadrey-v-meta"]);
    }
  });
});

describe("captions", () => {
  it("recognises v., vs., versus and gegen between two parties of one case", () => {
    for (const conn of ["v.", "v", "vs.", "versus", "gegen"]) {
      const res = classify({ title: `Bartz ${conn} Anthropic: judge rules on AI training`, text: "" });
      expect(res.cases[0]?.id).toBe("bartz-v-anthropic");
    }
  });

  it("recognises appeal captions with the parties reversed", () => {
    expect(
      caseIds("ROSS Intelligence v. Thomson Reuters reaches the Third Circuit in AI training appeal"),
    ).toEqual(["thomson-reuters-v-ross"]);
  });
});

describe("compiled registry", () => {
  it("compiles any case list, including cases without hints", () => {
    const bare = REGISTRY.map(({ match: _match, ...facts }) => facts);
    const reg = compileRegistry(bare);
    const res = classify(
      {
        title: "Authors sue Salesforce over AI training",
        text: "Tanzer v. Salesforce was filed in federal court.",
      },
      reg,
    );
    expect(res.cases.map((c) => c.id)).toContain("tanzer-v-salesforce");
  });

  it("works with an empty registry", () => {
    const res = classify(
      { title: "Authors sue OpenAI for copyright infringement", text: "" },
      compileRegistry([]),
    );
    expect(res.topic).toBe("ai-copyright-litigation");
    expect(res.cases).toEqual([]);
  });
});
