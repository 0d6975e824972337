/** Fixed feed view data for the render tests: hostile titles, fixed dates, one entry with a bad link. */

import type { FeedEntry, FeedMeta } from "../../src/render/feed-types";

/** Feed-level facts of the golden feeds. */
export const META: FeedMeta = {
  id: "https://casewire.example/feeds/all.atom",
  title: "casewire — all AI copyright litigation",
  description: "Articles about AI copyright lawsuits, newest first",
  homeUrl: "https://casewire.example/",
  selfUrls: {
    rss: "https://casewire.example/feeds/all.rss",
    atom: "https://casewire.example/feeds/all.atom",
    json: "https://casewire.example/feeds/all.json",
  },
  updated: "2025-06-02T09:30:00Z",
  ttlMinutes: 30,
  language: "en",
};

/** Hostile title of entry 1, as stored (control characters, U+FFFE and a lone surrogate included). */
export const HOSTILE_TITLE =
  '<script>alert(1)</script> Kadrey v. Meta ]]> & "fair use"\u0001\u000b\ufffe\ud800 <img src=x onerror=alert(2)>';

/** What readers must get back for entry 1's title: the same text without the characters XML cannot carry. */
export const HOSTILE_TITLE_CLEAN =
  '<script>alert(1)</script> Kadrey v. Meta ]]> & "fair use" <img src=x onerror=alert(2)>';

/** Three feedable entries plus one with a javascript: link that every renderer must leave out. */
export const ENTRIES: FeedEntry[] = [
  {
    id: 101,
    url: "https://news.example/2025/06/01/meta-ruling?utm_source=x&ref=feed",
    title: HOSTILE_TITLE,
    summary:
      "Judge Chhabria's order </description><evil/> says &amp; more:\r\n\tthe <b>LibGen</b> claims proceed.",
    publishedAt: "2025-06-01T17:45:00.000Z",
    fetchedAt: "2025-06-01T18:00:00.000Z",
    sourceName: "Ars & Technica",
    categories: ["Kadrey v. Meta Platforms", "Bartz v. Anthropic"],
  },
  {
    id: 102,
    url: "http://legal.example/story?id=7",
    title: "AT&amp;T &lt;b&gt; filing — “smart quotes” ]]]]> 🚀",
    summary: "",
    publishedAt: null,
    fetchedAt: "2025-05-31T08:00:00.000Z",
    sourceName: "",
    categories: [],
  },
  {
    id: 103,
    url: "javascript:alert(3)",
    title: "Entry with a javascript: link",
    summary: "Must never appear in a feed.",
    publishedAt: "2025-05-30T12:00:00.000Z",
    fetchedAt: "2025-05-30T12:00:00.000Z",
    sourceName: "Evil",
    categories: ["Kadrey v. Meta Platforms"],
  },
  {
    id: 104,
    url: "https://courts.example/nyt-v-openai",
    title: "Judge narrows claims in NYT v. OpenAI",
    summary: "The court kept the core copyright claims and dismissed two others.",
    publishedAt: "2025-05-29T23:59:59.000Z",
    fetchedAt: "2025-05-30T00:10:00.000Z",
    sourceName: "Courtroom Wire",
    categories: ["The New York Times Co. v. Microsoft Corp."],
  },
];
