/**
 * The digest email's plain-text part (pure): the same content as the HTML part, prose wrapped at 72 columns,
 * every link on its own line so no client breaks it. Text is already single-line and control-free.
 */
import { storyCount } from "../domain/digest/build-digest";
import {
  countOf,
  digestArchiveUrl,
  digestCaseFeedUrl,
  digestCaseUrl,
  shortDate,
} from "../domain/digest/digest-links";
import type { DigestAudience, DigestLinks, DigestModel } from "../domain/digest/digest-model";
import { weekSpanText } from "../domain/digest/iso-week";
import { highlightLabel } from "../domain/digest/significance";

/** Column at which prose is wrapped. */
export const TEXT_WIDTH = 72;

/** Wraps `text` at word boundaries to `width` columns, each line prefixed with `indent`. */
export function wrapText(text: string, width = TEXT_WIDTH, indent = ""): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line === "") line = word;
    else if (indent.length + line.length + 1 + word.length <= width) line += ` ${word}`;
    else {
      lines.push(indent + line);
      line = word;
    }
  }
  if (line !== "") lines.push(indent + line);
  return lines;
}

/** The complete text part of a digest email. */
export function renderDigestText(model: DigestModel, links: DigestLinks, audience: DigestAudience): string {
  const out: string[] = [];
  const push = (...lines: string[]) => out.push(...lines);
  push(`CASEWIRE WEEKLY DIGEST · ${model.week}`, "AI copyright litigation this week", "");
  const tagline = [weekSpanText(model.week)];
  if (model.cases.length > 0)
    tagline.push(
      countOf(model.cases.length, "case", "cases"),
      countOf(storyCount(model), "story", "stories"),
    );
  if (model.candidates.length > 0)
    tagline.push(countOf(model.candidates.length, "new lawsuit spotted", "new lawsuits spotted"));
  push(...wrapText(tagline.join(" · ")), "");

  for (const c of model.cases) {
    const rule = "=".repeat(Math.min(TEXT_WIDTH, Math.max(8, c.caption.length)));
    push(rule);
    const label = highlightLabel(c.highlight);
    if (label) push(`[${label.toUpperCase()}]`);
    push(...wrapText(c.caption), rule, ...wrapText(c.court));
    if (c.status) push(...wrapText(`Status: ${c.status}`));
    push("");
    for (const s of c.stories) {
      push(...wrapText(s.title, TEXT_WIDTH, "* ").map((l, i) => (i === 0 ? l : `  ${l.slice(2)}`)));
      if (s.summary) push(...wrapText(s.summary, TEXT_WIDTH, "  "));
      push(`  ${shortDate(s.date)} · ${s.sources[0]?.name ?? ""}`, `  ${s.url}`);
      for (const o of s.sources.slice(1)) push(`  also reported by ${o.name}:`, `  ${o.url}`);
      push("");
    }
    if (c.moreStories > 0)
      push(`${countOf(c.moreStories, "more story", "more stories")} this week on the case page.`);
    push(
      `Case page: ${digestCaseUrl(links.base, c.id)}`,
      `Case feed (RSS): ${digestCaseFeedUrl(links.base, c.id)}`,
      "",
    );
  }

  if (model.candidates.length > 0) {
    push("NEW LAWSUITS SPOTTED", "====================");
    push(...wrapText("Cases named in this week's coverage that are not in our case list yet."), "");
    for (const c of model.candidates) {
      push(...wrapText(c.caption, TEXT_WIDTH, "* ").map((l, i) => (i === 0 ? l : `  ${l.slice(2)}`)));
      for (const l of c.links) {
        push(
          ...wrapText(l.sourceName ? `${l.title} (${l.sourceName})` : l.title, TEXT_WIDTH, "  "),
          `  ${l.url}`,
        );
      }
      push("");
    }
  }

  push("--");
  const why =
    audience.followedCases === null
      ? "You receive this weekly digest of AI copyright litigation news because you subscribed at casewire."
      : `You receive this weekly digest because you follow ${countOf(audience.followedCases, "case", "cases")} at casewire.`;
  push(
    ...wrapText(
      `${why} Headlines link to the publishers; casewire shows titles and its own short summaries only.`,
    ),
  );
  if (links.manageUrl) push("", "Change your cases:", links.manageUrl);
  if (links.unsubscribeUrl) push("", "Unsubscribe:", links.unsubscribeUrl);
  push("", "Read on the web:", digestArchiveUrl(links.base, model.week));
  return `${out.join("\n")}\n`;
}
