/**
 * What a title and a sentence are enough for: captions, dockets, judges and "<party> case" as litigation
 * evidence; the two sides of a registry suit standing for its copyright subject; court places; the lead
 * defendant among siblings; German, French and Japanese wording; and the hard negatives that must stay out.
 */
import { describe, expect, it } from "vitest";
import { classify } from "../../../src/domain/classifier/classify";
import { compileRegistry } from "../../../src/domain/classifier/compile-registry";
import type { RegistryCase } from "../../../src/domain/registry/match-hints";

function lit(title: string, text = ""): string[] {
  const res = classify({ title, text });
  expect(res.topic, title).toBe("ai-copyright-litigation");
  return res.cases.map((c) => c.id).sort();
}

function notLit(title: string, text = ""): void {
  const res = classify({ title, text });
  expect(res.topic, title).not.toBe("ai-copyright-litigation");
  expect(res.cases).toEqual([]);
}

describe("registry names as litigation evidence", () => {
  it("takes a caption, a docket number or a judge with a party as a lawsuit", () => {
    expect(lit("Bartz v. Anthropic, one year on")).toEqual(["bartz-v-anthropic"]);
    expect(lit("Thomson Reuters v. ROSS Intelligence explained")).toEqual(["thomson-reuters-v-ross"]);
    expect(lit("New filing in 1:23-cv-11195")).toEqual(["nyt-v-microsoft-openai"]);
    expect(lit("Judge Alsup questions Anthropic's claims process")).toEqual(["bartz-v-anthropic"]);
  });

  it("reads a caption whose plaintiff is named 'X Company' and aliases without their article", () => {
    expect(lit("Like Company v. Google Ireland Ltd: the questions referred")).toEqual([
      "like-company-v-google",
    ]);
    expect(lit("Hamburg LAION decision: the appeal")).toEqual(["kneschke-v-laion"]);
  });

  it("takes a case noun after a party as litigation vocabulary", () => {
    expect(lit("What the Getty Images case means for Stability AI", "")).toContain("getty-v-stability-uk");
  });

  it("prefers the longer name when one case's name contains another's", () => {
    expect(lit("Concord v. Anthropic II: what the new complaint adds")).toEqual(["concord-v-anthropic-ii"]);
  });
});

describe("short descriptions of a suit", () => {
  it("needs no copyright word when both sides of a registry suit meet in a litigation sentence", () => {
    expect(lit("Judge signs off on Anthropic's $1.5 billion deal with authors")).toEqual([
      "bartz-v-anthropic",
    ]);
    expect(lit("Voice actors win ruling against Lovo")).toEqual(["lehrman-v-lovo"]);
    expect(lit("Labels say Suno's lawsuit defence ignores stream ripping")).toEqual(["umg-v-suno"]);
  });

  it("files a suit against a shared defendant under the sibling that sues it as lead defendant", () => {
    expect(lit("Writers file suit against Microsoft over AI training")).toEqual(["bird-v-microsoft"]);
  });

  it("reads a court place next to a defendant", () => {
    expect(lit("Münchner Urteil: OpenAI darf Songtexte nicht speichern")).toEqual(["gema-v-openai"]);
    expect(lit("Perplexity faces lawsuits in Tokyo")).toEqual(["yomiuri-v-perplexity"]);
  });

  it("lets a plaintiff kind yield to a named plaintiff suing the same defendant", () => {
    expect(
      lit(
        "Des éditeurs de presse canadiens poursuivent OpenAI",
        "Le Toronto Star et CBC réclament des dommages.",
      ),
    ).toEqual(["canadian-news-v-openai"]);
  });
});

describe("other languages", () => {
  it("reads German and French suits and plaintiff kinds", () => {
    expect(lit("Autoren verklagen Microsoft")).toEqual(["bird-v-microsoft"]);
    expect(lit("Auteurs et éditeurs assignent Meta devant le tribunal judiciaire de Paris")).toEqual([
      "sne-v-meta",
    ]);
    expect(lit("Disney et Universal poursuivent Midjourney")).toEqual(["disney-universal-v-midjourney"]);
  });

  it("reads Japanese names, verbs and amounts", () => {
    expect(lit("ニューヨーク・タイムズ、マイクロソフトとOpenAIを提訴")).toEqual(["nyt-v-microsoft-openai"]);
    expect(lit("日経と朝日、パープレキシティを提訴")).toEqual(["yomiuri-v-perplexity"]);
    expect(lit("Anthropic、作家らと15億ドルで和解")).toEqual(["bartz-v-anthropic"]);
  });
});

describe("hard negatives stay out", () => {
  it("keeps other legal subjects and other copyright suits out", () => {
    notLit("Musk v. OpenAI goes to trial", "Elon Musk says OpenAI broke its nonprofit promises.");
    notLit("Judge Chhabria approves Facebook privacy settlement");
    notLit("X sues Apple and OpenAI over App Store antitrust conspiracy");
    notLit("Consumer group sues Meta over AI training on user data", "It cites the GDPR.");
    notLit("Yomiuri sues city council over reuse of its articles");
    notLit("Internet Archive loses Hachette appeal");
  });

  it("keeps deals, warnings and product news out", () => {
    notLit("Anthropic signs licensing deal with music publishers");
    notLit("Perplexity opens an office in Tokyo");
    notLit("Microsoft's case for AI regulation");
  });
});

describe("CJK terms", () => {
  it("keeps apart two names whose characters fall into the same buckets", () => {
    const a = "読売";
    const b = String.fromCharCode(a.charCodeAt(0) + 16, a.charCodeAt(1) + 16);
    const base: RegistryCase = {
      id: "x",
      caption: "",
      aliases: [],
      court: "",
      docket: "",
      jurisdiction: "",
      filed: "2024-01-01",
      plaintiffs: [],
      defendants: [],
      works: [],
      modelsOrProducts: [],
      keyTerms: [],
      judge: "",
      status: "",
      related: [],
      sources: [],
    };
    const reg = compileRegistry([
      { ...base, id: "case-a", match: { plaintiffs: [a], defendants: ["Perplexity"] } },
      { ...base, id: "case-b", match: { plaintiffs: [b], defendants: ["Perplexity"] } },
    ]);
    expect(classify({ title: `${a}、Perplexityを提訴`, text: "" }, reg).cases.map((c) => c.id)).toEqual([
      "case-a",
    ]);
    expect(classify({ title: `${b}、Perplexityを提訴`, text: "" }, reg).cases.map((c) => c.id)).toEqual([
      "case-b",
    ]);
  });
});
