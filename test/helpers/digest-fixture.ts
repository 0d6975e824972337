/** A fixed week of digest input (2026-W48) used by the builder, renderer and golden tests. */
import type { DigestInput } from "../../src/domain/digest/build-digest";

/** The fixture's week. */
export const FIXTURE_WEEK = "2026-W48";

/** Public base URL used in renderings. */
export const FIXTURE_BASE = "https://casewire.example";

/** Builder input for 2026-W48: grouped stories, highlights, hostile text, out-of-week and unknown-case items. */
export function fixtureInput(): DigestInput {
  return {
    week: FIXTURE_WEEK,
    cases: [
      {
        id: "bartz-v-anthropic",
        caption: "Bartz v. Anthropic PBC",
        court: "U.S. District Court for the Northern District of California",
        status:
          "2025-09-25: $1.5 billion class settlement preliminarily approved; final approval hearing set.",
        statusDate: "2025-09-25",
        filed: "2024-08-19",
      },
      {
        id: "kadrey-v-meta",
        caption: "Kadrey v. Meta Platforms, Inc.",
        court: "U.S. District Court for the Northern District of California",
        status:
          "2025-06-25: summary judgment for Meta on fair use for training; distribution claims continue.",
        statusDate: "2025-06-25",
        filed: "2023-07-07",
      },
      {
        id: "nyt-v-microsoft-openai",
        caption: "The New York Times Co. v. Microsoft Corp. & OpenAI",
        court: "U.S. District Court for the Southern District of New York",
        status: "Discovery continues in the consolidated MDL.",
        statusDate: null,
        filed: "2023-12-27",
      },
      {
        id: "getty-v-stability-uk",
        caption: "Getty Images v. Stability AI (UK)",
        court: "High Court of Justice, Business and Property Courts (Chancery Division)",
        status: "Judgment 2025-11-04: secondary infringement claim failed; appeal pending.",
        statusDate: "2025-11-04",
        filed: "2023-01-16",
      },
      {
        id: "example-v-newco",
        caption: "Example Authors v. NewCo AI <Inc.>",
        court: "U.S. District Court for the District of Delaware",
        status: "Filed 2026-11-24.",
        statusDate: "2026-11-24",
        filed: "2026-11-24",
      },
      {
        id: "quiet-case",
        caption: "Quiet v. Nobody",
        court: "Nowhere",
        status: "Nothing new.",
        statusDate: null,
        filed: "2020-01-01",
      },
    ],
    articles: [
      {
        id: 1,
        url: "https://reuters.example/legal/anthropic-settlement-approved",
        title: "Judge approves $1.5 billion Anthropic settlement with authors",
        summary:
          "A federal judge gave final approval to the class settlement over pirated books used for training.",
        sourceName: "Reuters",
        date: "2026-11-24T15:00:00.000Z",
        caseIds: ["bartz-v-anthropic"],
      },
      {
        id: 2,
        url: "https://www.theverge.example/2026/11/24/anthropic-settlement",
        title: "Judge approves $1.5 billion Anthropic settlement with authors",
        summary: "",
        sourceName: "The Verge",
        date: "2026-11-24T18:00:00.000Z",
        caseIds: ["bartz-v-anthropic"],
      },
      {
        id: 3,
        url: "https://law360.example/articles/anthropic-final-approval",
        title: "Anthropic settlement: judge grants final approval to $1.5 billion deal with authors",
        summary: "Claims administrators expect payments to start next year.",
        sourceName: "Law360",
        date: "2026-11-25T09:30:00.000Z",
        caseIds: ["bartz-v-anthropic"],
      },
      {
        id: 4,
        url: "https://ars.example/tech-policy/meta-ninth-circuit",
        title: "Meta asks Ninth Circuit to review torrenting claims in Kadrey case",
        summary: "Meta wants the appeals court to hear the remaining distribution claims now.",
        sourceName: "Ars Technica",
        date: "2026-11-25T12:00:00.000Z",
        caseIds: ["kadrey-v-meta"],
      },
      {
        id: 5,
        url: "https://wired.example/story/authors-push-back",
        title: "Authors push back on Meta's bid for an early appeal",
        summary: "The plaintiffs say an interlocutory appeal would only delay trial.",
        sourceName: "Wired",
        date: "2026-11-26T16:45:00.000Z",
        caseIds: ["kadrey-v-meta"],
      },
      {
        id: 6,
        url: "https://nyt.example/2026/11/27/openai-logs",
        title: "OpenAI must hand over 20 million ChatGPT logs, judge rules",
        summary: "The magistrate judge rejected OpenAI's privacy objections.",
        sourceName: "The New York Times",
        date: "2026-11-27T20:00:00.000Z",
        caseIds: ["nyt-v-microsoft-openai", "unknown-case"],
      },
      {
        id: 7,
        url: "https://uk.example/getty-appeal-date",
        title: "Getty's appeal against Stability AI listed for spring hearing",
        summary: "The Court of Appeal will hear the case over three days.",
        sourceName: "Press Gazette",
        date: "2026-11-23T08:00:00.000Z",
        caseIds: ["getty-v-stability-uk"],
      },
      {
        id: 8,
        url: "https://uk2.example/getty-stability-costs",
        title: "Stability AI seeks costs from Getty Images after High Court win",
        summary: 'Costs & fees: "substantial", say lawyers <for Stability>.',
        sourceName: "The Register",
        date: "2026-11-24T10:00:00.000Z",
        caseIds: ["getty-v-stability-uk"],
      },
      {
        id: 9,
        url: "https://uk3.example/getty-lessons",
        title: "<script>alert('x')</script> What the Getty case means for UK training data",
        summary: "An explainer with \u0007 a control character\r\nand a line break.",
        sourceName: "Tech & Law <Weekly>",
        date: "2026-11-28T23:59:59.000Z",
        caseIds: ["getty-v-stability-uk"],
      },
      {
        id: 10,
        url: "javascript:alert(1)",
        title: "This link must never appear",
        summary: "",
        sourceName: "Bad",
        date: "2026-11-25T00:00:00.000Z",
        caseIds: ["getty-v-stability-uk"],
      },
      {
        id: 11,
        url: "https://courthouse.example/newco-complaint",
        title: "Authors file suit against NewCo AI over training on their novels",
        summary: "The complaint seeks class status.",
        sourceName: "Courthouse News",
        date: "2026-11-24T21:00:00.000Z",
        caseIds: ["example-v-newco"],
      },
      {
        id: 12,
        url: "https://reuters.example/next-week",
        title: "Next week's story is not in this digest",
        summary: "",
        sourceName: "Reuters",
        date: "2026-11-30T00:00:00.000Z",
        caseIds: ["bartz-v-anthropic"],
      },
    ],
    candidates: [
      {
        key: "doe v newai corp",
        caption: "Doe v. NewAI Corp",
        firstSeenAt: "2026-11-25T10:00:00.000Z",
        articles: [
          {
            id: 20,
            url: "https://wire.example/doe-newai",
            title: "Voice actors sue NewAI over cloned voices",
            sourceName: "Example Wire",
            date: "2026-11-25T09:00:00.000Z",
          },
          {
            id: 21,
            url: "https://legal.example/doe-newai",
            title: "Doe v. NewAI: what the voice-cloning suit claims",
            sourceName: "Legal Daily",
            date: "2026-11-26T09:00:00.000Z",
          },
        ],
      },
      {
        key: "old v candidate",
        caption: "Old v. Candidate",
        firstSeenAt: "2026-11-10T10:00:00.000Z",
        articles: [],
      },
    ],
  };
}
