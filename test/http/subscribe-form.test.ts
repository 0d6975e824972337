import { describe, expect, it } from "vitest";
import { SubscribeForm } from "../../src/http/pages/subscribe-form";

const CASES = [
  { id: "kadrey-v-meta", caption: "Kadrey v. Meta <Platforms>" },
  { id: "bartz-v-anthropic", caption: "Bartz v. Anthropic" },
];

async function render(props: Parameters<typeof SubscribeForm>[0]): Promise<string> {
  return String(await SubscribeForm(props).toString());
}

describe("SubscribeForm", () => {
  it("posts email and optional cases to the API, every case by default", async () => {
    const html = await render({ cases: CASES });
    expect(html).toContain('<form method="post" action="/api/subscriptions">');
    expect(html).toMatch(/<input id="subscribe-email" type="email" name="email" required=""/);
    expect(html).toContain('<input type="checkbox" name="cases" value="kadrey-v-meta"/>');
    expect(html).not.toContain("checked");
    expect(html).toContain("Kadrey v. Meta &lt;Platforms&gt;");
    expect(html).not.toMatch(/<script|\sstyle="/);
  });

  it("on a case page offers that case (preselected) or every case", async () => {
    const html = await render({ cases: CASES, caseId: "bartz-v-anthropic" });
    expect(html).toContain(
      '<input type="radio" name="cases" value="bartz-v-anthropic" checked=""/> Only Bartz v. Anthropic',
    );
    expect(html).toContain('<input type="radio" name="cases" value=""/> Every case');
    expect(html).not.toContain('type="checkbox"');
  });
});
