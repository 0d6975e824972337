/**
 * The digest email's HTML part (pure). Built for mail clients, not browsers: table layout with an Outlook
 * (MSO) fixed-width wrapper, every style inline, a <style> block only for dark-mode overrides (clients that
 * ignore it keep the light palette), semantic headings, role="presentation" on layout tables, no images.
 * Only titles, our summaries and links are shown; all text is escaped and links are http(s).
 */

import { storyCount } from "../domain/digest/build-digest";
import {
  countOf,
  digestArchiveUrl,
  digestCaseFeedUrl,
  digestCaseUrl,
  shortDate,
} from "../domain/digest/digest-links";
import type {
  DigestAudience,
  DigestCandidate,
  DigestCaseSection,
  DigestLinks,
  DigestModel,
  DigestStory,
} from "../domain/digest/digest-model";
import { weekSpanText } from "../domain/digest/iso-week";
import { highlightLabel } from "../domain/digest/significance";
import { digestSubject } from "../domain/digest/subject";
import { truncateAtWord } from "../domain/text";
import { html, type SafeHtml, trusted } from "./safe-html";

/** Set on every text cell (Outlook and others inherit it from the cell, not from the body). */
const FONT = "font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif;";
const C = {
  page: "#f3f3ef",
  card: "#ffffff",
  text: "#1a1a1a",
  muted: "#555555",
  link: "#0b57a4",
  rule: "#dddddd",
};

const DARK_CSS = trusted(`<style>
:root{color-scheme:light dark;supported-color-schemes:light dark}
@media (prefers-color-scheme:dark){
.cw-page{background-color:#121212!important}
.cw-card{background-color:#1d1d1d!important}
.cw-text{color:#ececec!important}
.cw-muted{color:#b4b4b4!important}
.cw-link{color:#8cc4ff!important}
.cw-rule{border-color:#3a3a3a!important}
.cw-badge{color:#ececec!important;border-color:#8a8a8a!important}
}
[data-ogsc] .cw-text{color:#ececec!important}
[data-ogsc] .cw-muted{color:#b4b4b4!important}
[data-ogsc] .cw-link{color:#8cc4ff!important}
@media only screen and (max-width:620px){.cw-pad{padding-left:16px!important;padding-right:16px!important}}
</style>`);

function link(href: string, text: string): SafeHtml {
  return html`<a href="${href}" class="cw-link" style="color:${C.link};text-decoration:underline;">${text}</a>`;
}

function storyBlock(s: DigestStory): SafeHtml {
  const others = s.sources.slice(1);
  return html`<h3 class="cw-text" style="margin:16px 0 4px;font-size:16px;line-height:22px;font-weight:bold;color:${C.text};">${link(s.url, s.title)}</h3>
${s.summary ? html`<p class="cw-text" style="margin:0 0 4px;font-size:15px;line-height:22px;color:${C.text};">${s.summary}</p>\n` : ""}<p class="cw-muted" style="margin:0;font-size:13px;line-height:19px;color:${C.muted};">${shortDate(s.date)} · ${s.sources[0]?.name ?? ""}${
    others.length > 0
      ? html` · also reported by ${others.map((o, i) => html`${i > 0 ? ", " : ""}${link(o.url, o.name)}`)}`
      : ""
  }</p>`;
}

function caseBlock(c: DigestCaseSection, base: string): SafeHtml {
  const label = highlightLabel(c.highlight);
  return html`<tr><td class="cw-pad cw-rule" style="${FONT}padding:20px 32px 20px;border-top:1px solid ${C.rule};">
${label ? html`<p style="margin:0 0 6px;"><span class="cw-badge cw-text" style="display:inline-block;padding:1px 6px;border:1px solid ${C.text};border-radius:3px;font-size:12px;line-height:18px;font-weight:bold;letter-spacing:.03em;text-transform:uppercase;color:${C.text};">${label}</span></p>\n` : ""}<h2 class="cw-text" style="margin:0 0 4px;font-size:20px;line-height:26px;font-weight:bold;color:${C.text};"><a href="${digestCaseUrl(base, c.id)}" class="cw-text" style="color:${C.text};text-decoration:none;">${c.caption}</a></h2>
<p class="cw-muted" style="margin:0 0 4px;font-size:14px;line-height:20px;color:${C.muted};">${c.court}</p>
${c.status ? html`<p class="cw-muted" style="margin:0;font-size:14px;line-height:20px;color:${C.muted};"><strong>Status:</strong> ${c.status}</p>\n` : ""}${c.stories.map((s) => html`${storyBlock(s)}\n`)}${
  c.moreStories > 0
    ? html`<p class="cw-text" style="margin:12px 0 0;font-size:14px;line-height:20px;color:${C.text};">${countOf(c.moreStories, "more story", "more stories")} this week on the case page.</p>\n`
    : ""
}<p class="cw-text" style="margin:14px 0 0;font-size:14px;line-height:20px;color:${C.text};">${link(digestCaseUrl(base, c.id), "Case page")} · ${link(digestCaseFeedUrl(base, c.id), "Case feed (RSS)")}</p>
</td></tr>
`;
}

function candidatesBlock(list: readonly DigestCandidate[]): SafeHtml | "" {
  if (list.length === 0) return "";
  return html`<tr><td class="cw-pad cw-rule" style="${FONT}padding:20px 32px 20px;border-top:1px solid ${C.rule};">
<h2 class="cw-text" style="margin:0 0 4px;font-size:20px;line-height:26px;font-weight:bold;color:${C.text};">New lawsuits spotted</h2>
<p class="cw-muted" style="margin:0 0 8px;font-size:14px;line-height:20px;color:${C.muted};">Cases named in this week's coverage that are not in our case list yet.</p>
${list.map(
  (
    c,
  ) => html`<h3 class="cw-text" style="margin:14px 0 4px;font-size:16px;line-height:22px;font-weight:bold;color:${C.text};">${c.caption}</h3>
${c.links.map(
  (l) =>
    html`<p class="cw-text" style="margin:0 0 4px;font-size:14px;line-height:20px;color:${C.text};">${link(l.url, l.title)}${l.sourceName ? html` <span class="cw-muted" style="color:${C.muted};">(${l.sourceName})</span>` : ""}</p>\n`,
)}`,
)}</td></tr>
`;
}

function footer(model: DigestModel, links: DigestLinks, audience: DigestAudience): SafeHtml {
  const why =
    audience.followedCases === null
      ? "You receive this weekly digest of AI copyright litigation news because you subscribed at casewire."
      : `You receive this weekly digest because you follow ${countOf(audience.followedCases, "case", "cases")} at casewire.`;
  const personal: SafeHtml[] = [];
  if (links.manageUrl) personal.push(link(links.manageUrl, "Change your cases"));
  if (links.unsubscribeUrl) personal.push(link(links.unsubscribeUrl, "Unsubscribe"));
  personal.push(link(digestArchiveUrl(links.base, model.week), "Read on the web"));
  return html`<tr><td class="cw-pad cw-rule" style="${FONT}padding:20px 32px 28px;border-top:1px solid ${C.rule};">
<p class="cw-muted" style="margin:0 0 8px;font-size:13px;line-height:19px;color:${C.muted};">${why} Headlines link to the publishers; casewire shows titles and its own short summaries only.</p>
<p class="cw-muted" style="margin:0;font-size:13px;line-height:19px;color:${C.muted};">${personal.map((p, i) => html`${i > 0 ? " · " : ""}${p}`)}</p>
</td></tr>
`;
}

/** The summary line under the title, e.g. `23–29 November 2026 · 3 cases · 7 stories · 2 new lawsuits spotted`. */
export function digestTagline(model: DigestModel): string {
  const parts = [weekSpanText(model.week)];
  if (model.cases.length > 0) {
    parts.push(countOf(model.cases.length, "case", "cases"), countOf(storyCount(model), "story", "stories"));
  }
  if (model.candidates.length > 0)
    parts.push(countOf(model.candidates.length, "new lawsuit spotted", "new lawsuits spotted"));
  return parts.join(" · ");
}

/** The complete HTML part of a digest email. */
export function renderDigestHtml(model: DigestModel, links: DigestLinks, audience: DigestAudience): string {
  const subject = digestSubject(model);
  const preheader =
    model.cases.length > 0
      ? `This week: ${model.cases.map((c) => c.caption).join("; ")}`
      : digestTagline(model);
  const doc = html`<!DOCTYPE html>
<html lang="en" dir="ltr" xmlns="http://www.w3.org/1999/xhtml" xmlns:o="urn:schemas-microsoft-com:office:office">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="x-apple-disable-message-reformatting">
<meta name="format-detection" content="telephone=no, date=no, address=no, email=no">
<meta name="color-scheme" content="light dark">
<meta name="supported-color-schemes" content="light dark">
<title>${subject}</title>
${trusted("<!--[if mso]><noscript><xml><o:OfficeDocumentSettings><o:PixelsPerInch>96</o:PixelsPerInch></o:OfficeDocumentSettings></xml></noscript><![endif]-->")}
${DARK_CSS}
</head>
<body class="cw-page" style="margin:0;padding:0;width:100%;background-color:${C.page};">
<div style="display:none;max-height:0;max-width:0;overflow:hidden;opacity:0;mso-hide:all;font-size:1px;line-height:1px;" aria-hidden="true">${truncateAtWord(preheader, 150)}</div>
<table role="presentation" class="cw-page" width="100%" cellpadding="0" cellspacing="0" border="0" style="background-color:${C.page};">
<tr><td align="center" style="padding:24px 8px;">
${trusted('<!--[if mso]><table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" align="center"><tr><td><![endif]-->')}
<table role="presentation" class="cw-card" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:600px;background-color:${C.card};border-radius:6px;">
<tr><td class="cw-pad" style="${FONT}padding:28px 32px 20px;">
<p class="cw-muted" style="margin:0 0 8px;font-size:13px;line-height:18px;letter-spacing:.04em;text-transform:uppercase;color:${C.muted};">casewire weekly digest · ${model.week}</p>
<h1 class="cw-text" style="margin:0 0 8px;font-size:26px;line-height:32px;font-weight:bold;color:${C.text};">AI copyright litigation this week</h1>
<p class="cw-muted" style="margin:0;font-size:15px;line-height:22px;color:${C.muted};">${digestTagline(model)}</p>
</td></tr>
${model.cases.map((c) => caseBlock(c, links.base))}${candidatesBlock(model.candidates)}${footer(model, links, audience)}</table>
${trusted("<!--[if mso]></td></tr></table><![endif]-->")}
</td></tr>
</table>
</body>
</html>
`;
  return doc.value;
}
