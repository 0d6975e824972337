import { describe, expect, it } from "vitest";
import { classify } from "../../../src/domain/classifier/classify";

const topic = (title: string, text: string) => classify({ title, text }).topic;

describe("topic", () => {
  it("litigation: AI, copyright and a lawsuit", () => {
    expect(
      topic(
        "Authors file class action over AI training",
        "A group of novelists sued an AI developer, claiming its chatbot was trained on pirated copies of their copyrighted books.",
      ),
    ).toBe("ai-copyright-litigation");
  });

  it("other: AI and copyright without a lawsuit as the subject", () => {
    expect(
      topic(
        "Copyright Office releases report on generative AI training",
        "The U.S. Copyright Office said some uses of copyrighted works to train AI models may not be fair use.",
      ),
    ).toBe("ai-copyright-other");
    expect(
      topic(
        "OpenAI signs licensing deal with a news publisher",
        "The partnership lets ChatGPT show summaries of the publisher's copyrighted articles; OpenAI is also being sued by the New York Times.",
      ),
    ).toBe("ai-copyright-other");
  });

  it("not relevant: AI lawsuits that are not about copyright", () => {
    expect(
      topic(
        "Musk's lawsuit against OpenAI goes to trial",
        "Elon Musk says OpenAI abandoned its nonprofit mission; the jury weighs breach of charitable trust claims against the AI company.",
      ),
    ).toBe("not-relevant");
    expect(
      topic(
        "FTC antitrust case against Meta fails",
        "The judge found Meta, which is investing heavily in AI, does not hold a monopoly in social networking.",
      ),
    ).toBe("not-relevant");
    expect(
      topic(
        "Privacy group threatens Meta over AI training",
        "The group says training AI on users' personal data without consent breaches the GDPR and may seek an injunction.",
      ),
    ).toBe("not-relevant");
  });

  it("not relevant: copyright lawsuits without AI", () => {
    expect(
      topic(
        "Appeals court rules against Internet Archive",
        "Hachette and other publishers won their copyright lawsuit over the Internet Archive's digital lending of scanned books.",
      ),
    ).toBe("not-relevant");
    expect(
      topic(
        "Supreme Court decides Cox v. Sony",
        "The justices limited contributory copyright liability of internet providers sued by Sony Music and Universal Music Group.",
      ),
    ).toBe("not-relevant");
    expect(
      topic(
        "Warhol v. Goldsmith decided",
        "The Supreme Court ruled that licensing the Prince silkscreen was not fair use under copyright law.",
      ),
    ).toBe("not-relevant");
  });

  it("gives relevance on one side of 0.5 consistent with the topic", () => {
    const lit = classify({
      title: "Bartz v. Anthropic settlement approved",
      text: "Judge Alsup approved the settlement.",
    });
    const not = classify({ title: "New phone released", text: "The phone has a better camera." });
    expect(lit.relevance).toBeGreaterThan(0.5);
    expect(not.relevance).toBeLessThan(0.5);
  });
});
