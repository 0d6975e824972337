import { describe, expect, it } from "vitest";
import { classify } from "../../../src/domain/classifier/classify";

function ids(title: string, text: string): string[] {
  const res = classify({ title, text });
  expect(res.topic).toBe("ai-copyright-litigation");
  return res.cases.map((c) => c.id).sort();
}

describe("cases that share parties", () => {
  it("tells NYT v. Microsoft & OpenAI from NYT v. Perplexity", () => {
    expect(
      ids(
        "Times sues answer engine",
        "The New York Times sued Perplexity in Manhattan, saying its answer engine copies articles.",
      ),
    ).toEqual(["nyt-v-perplexity"]);
    expect(
      ids(
        "Judge rules on chat logs",
        "Judge Stein ordered OpenAI to give the New York Times 20 million ChatGPT logs.",
      ),
    ).toEqual(["nyt-v-microsoft-openai"]);
    expect(
      ids(
        "The Times opens a second front",
        "The New York Times sued Perplexity on Friday. The Times has been suing OpenAI and Microsoft since 2023.",
      ),
    ).toEqual(["nyt-v-microsoft-openai", "nyt-v-perplexity"]);
  });

  it("tells the Daily News suit from the Times suit", () => {
    expect(
      ids(
        "Alden papers sue OpenAI",
        "The New York Daily News and the Chicago Tribune, owned by Alden Global Capital, sued Microsoft and OpenAI.",
      ),
    ).toEqual(["daily-news-v-microsoft-openai"]);
  });

  it("tells UMG v. Suno, UMG v. Udio, GEMA v. Suno and GEMA v. OpenAI apart", () => {
    expect(
      ids("Labels sue Suno", "Universal Music Group and Sony Music filed a copyright lawsuit against Suno."),
    ).toEqual(["umg-v-suno"]);
    expect(
      ids("Labels sue Udio", "Sony Music and Warner Records sued Udio, the AI music generator."),
    ).toEqual(["umg-v-udio"]);
    expect(
      ids(
        "GEMA klagt gegen Suno",
        "Die GEMA hat Klage gegen Suno eingereicht, wegen Urheberrechtsverletzung.",
      ),
    ).toEqual(["gema-v-suno"]);
    expect(
      ids(
        "GEMA wins against OpenAI",
        "A Munich court ruled for GEMA in its lawsuit against OpenAI over lyrics.",
      ),
    ).toEqual(["gema-v-openai"]);
  });

  it("tells Getty v. Stability in the UK from the US case", () => {
    expect(
      ids(
        "Getty loses in London",
        "The High Court in London ruled on Getty Images' claim against Stability AI.",
      ),
    ).toEqual(["getty-v-stability-uk"]);
    expect(
      ids(
        "Getty refiles in San Francisco",
        "Getty Images dismissed its Delaware lawsuit against Stability AI and refiled.",
      ),
    ).toEqual(["getty-v-stability-us"]);
  });

  it("tells the 2023 Concord suit from the 2026 one", () => {
    expect(
      ids(
        "Publishers press lyrics claims",
        "Concord and ABKCO told the court that Anthropic's Claude reproduces song lyrics.",
      ),
    ).toEqual(["concord-v-anthropic"]);
    expect(
      ids(
        "New piracy suit",
        "Concord and Universal Music Group sued Anthropic again, seeking $3 billion over torrented works.",
      ),
    ).toEqual(["concord-v-anthropic-ii"]);
  });

  it("tells the Midjourney suits and the MiniMax suit apart", () => {
    expect(ids("Studios sue", "Disney and Universal sued Midjourney over images of Darth Vader.")).toEqual([
      "disney-universal-v-midjourney",
    ]);
    expect(
      ids("Studio sues", "Warner Bros. Discovery sued Midjourney over Superman and Batman images."),
    ).toEqual(["warner-bros-discovery-v-midjourney"]);
    expect(
      ids(
        "Studios sue",
        "Disney, Universal and Warner Bros. Discovery sued MiniMax over its Hailuo video app.",
      ),
    ).toEqual(["disney-v-minimax"]);
  });

  it("tells the OpenAI MDL from its member cases", () => {
    expect(
      ids(
        "MDL created",
        "The Judicial Panel on Multidistrict Litigation centralized the copyright suits against OpenAI.",
      ),
    ).toEqual(["in-re-openai-copyright-infringement-litigation"]);
    expect(
      ids("Authors Guild case", "John Grisham and the Authors Guild sued OpenAI for copyright infringement."),
    ).toEqual(["authors-guild-v-openai"]);
  });

  it("tells Kadrey v. Meta from the later suits against Meta", () => {
    expect(
      ids("Chhabria rules", "Judge Vince Chhabria ruled that Meta's training of Llama was fair use."),
    ).toEqual(["kadrey-v-meta"]);
    expect(
      ids(
        "Publishers sue Meta",
        "Hachette, Macmillan and Elsevier sued Meta, saying it pirated 267 terabytes of books.",
      ),
    ).toEqual(["publishers-v-meta-2026"]);
    expect(
      ids("Adult studio sues Meta", "Strike 3 Holdings sued Meta over torrented adult films used for AI."),
    ).toEqual(["strike-3-holdings-v-meta"]);
    expect(
      ids("Publisher sues Meta", "Entrepreneur Media filed a copyright lawsuit against Meta over Llama."),
    ).toEqual(["entrepreneur-media-v-meta"]);
  });

  it("reads 'Sarah Silverman sues OpenAI and Meta' as two cases", () => {
    expect(
      ids(
        "Sarah Silverman sues OpenAI and Meta",
        "The comedian says ChatGPT and LLaMA were trained on her memoir.",
      ),
    ).toEqual(["in-re-openai-chatgpt-litigation", "kadrey-v-meta"]);
  });

  it("labels a passing mention with a lower score than the main case", () => {
    const res = classify({
      title: "Nvidia must face authors' copyright suit",
      text: "Judge Tigar refused to dismiss the suit by Abdi Nazemian and Brian Keene against Nvidia over NeMo. The ruling follows Bartz v. Anthropic.",
    });
    expect(res.cases.map((c) => c.id)).toEqual(["nazemian-v-nvidia", "bartz-v-anthropic"]);
    expect(res.cases[0]!.score).toBeGreaterThan(res.cases[1]!.score);
    expect(res.cases[0]!.evidence).toEqual(expect.arrayContaining(["Abdi Nazemian"]));
  });

  it("does not take a news source or a warning letter for a plaintiff", () => {
    expect(
      ids(
        "YouTuber sues OpenAI",
        "David Millette sued OpenAI, citing a New York Times report about transcripts.",
      ),
    ).toEqual(["millette-v-openai"]);
    expect(
      ids(
        "News Corp sues Perplexity",
        "Dow Jones sued Perplexity. Earlier, the New York Times sent Perplexity a cease and desist letter.",
      ),
    ).toEqual(["dow-jones-v-perplexity"]);
  });

  it("reads non-English coverage", () => {
    expect(
      ids(
        "Les éditeurs attaquent Meta",
        "Le SNE et la SGDL ont assigné Meta en justice pour contrefaçon et droit d'auteur.",
      ),
    ).toEqual(["sne-v-meta"]);
    expect(
      ids("読売新聞、パープレキシティを提訴", "生成AIによる著作権侵害で東京地裁に訴訟を起こした。"),
    ).toEqual(["yomiuri-v-perplexity"]);
  });
});
