import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { getDigest, getDigestRow, listDeliveries, listDigests } from "../../src/db/digests-repo";
import { type Logger, silentLogger } from "../../src/domain/log";
import { type DigestJobDeps, LEASE_MS, runWeeklyDigest } from "../../src/jobs/weekly-digest";
import { createHttpApiMailer } from "../../src/mail/http-api-mailer";
import type { Mailer } from "../../src/mail/mailer";
import { createSmtpMailer } from "../../src/mail/smtp-mailer";
import { type DigestWorld, digestWorld, SECRET_BODY, weekArticle } from "../helpers/digest-world";
import { startFakeEmailApi } from "../helpers/email-api-server";
import { parseMail, type SmtpSink, startSmtpSink } from "../helpers/smtp-sink";

const WEEK = "2026-W48";

let world: DigestWorld;
let sink: SmtpSink;
let smtp: Mailer & { close(): void };

beforeEach(async () => {
  world = await digestWorld();
  sink = await startSmtpSink();
  smtp = createSmtpMailer(sink.url);
});

afterEach(async () => {
  smtp.close();
  await sink.close();
  world.close();
});

function deps(mailer: Mailer | null, over: Partial<DigestJobDeps> = {}): DigestJobDeps {
  return {
    db: world.db,
    mailer,
    config: world.config(),
    logger: silentLogger,
    clock: world.clock.now,
    sleep: async (ms) => world.clock.advance(ms),
    ...over,
  };
}

function received(email: string) {
  return sink.messages.filter((m) => m.to.includes(email));
}

async function addRecipients(n: number): Promise<string[]> {
  const emails: string[] = [];
  for (let i = 0; i < n; i++) {
    const email = `reader${i}@example.com`;
    await world.addSubscriber(email, "active");
    emails.push(email);
  }
  return emails;
}

/** Fails (never settles) from the (k+1)th send on: the process "dies" mid-send. */
function crashAfter(inner: Mailer, k: number): Mailer {
  let n = 0;
  return { kind: inner.kind, send: (msg) => (n++ < k ? inner.send(msg) : new Promise(() => {})) };
}

describe("runWeeklyDigest with a real SMTP server", () => {
  it("sends each subscriber their cases, both parts and the list headers; archives the digest", async () => {
    await world.addSubscriber("all@example.com", "active");
    await world.addSubscriber("kadrey@example.com", "active", ["kadrey-v-meta"]);
    await world.addSubscriber("quiet@example.com", "active", ["getty-v-stability-uk"]);
    await world.addSubscriber("pending@example.com", "pending");
    await world.addSubscriber("gone@example.com", "unsubscribed");

    const report = await runWeeklyDigest(deps(smtp), {});
    expect(report).toMatchObject({ week: WEEK, created: true, mail: "smtp", sentNow: 2, complete: true });
    expect(report.deliveries).toMatchObject({ sent: 2, skipped: 1, pending: 0, failed: 0 });
    expect(sink.messages.map((m) => m.to[0]).sort()).toEqual(["all@example.com", "kadrey@example.com"]);

    const all = parseMail(received("all@example.com")[0]!.raw);
    expect(all.header("subject")).toBe(
      "AI copyright this week: Judge approves $1.5 billion Anthropic settlement with authors, +2 more cases, 1 new suit spotted · 2026-W48",
    );
    expect(all.header("list-unsubscribe")).toMatch(
      /^<https:\/\/casewire\.example\/subscriptions\/unsubscribe\?token=[A-Za-z0-9_.-]+>$/,
    );
    expect(all.header("list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    expect(all.header("list-id")).toBe("casewire weekly digest <digest.casewire.example>");
    expect(all.header("message-id")).toMatch(/^<digest\.2026-W48\.\d+@casewire\.example>$/);
    expect(all.header("date")).toBe("Mon, 30 Nov 2026 08:00:00 +0000");
    for (const part of [all.html, all.text]) {
      expect(part).toContain("Bartz et al. v. Anthropic");
      expect(part).toContain("Kadrey v. Meta");
      expect(part).toContain("Doe v. NewAI Corp");
      expect(part).toContain("https://other.example/anthropic-settlement");
      expect(part).not.toContain(SECRET_BODY);
      expect(part).not.toContain("An older story from the week before");
      expect(part).not.toContain("Not litigation at all");
    }
    expect(all.text).toContain(all.header("list-unsubscribe")!.slice(1, -1));

    const kadrey = parseMail(received("kadrey@example.com")[0]!.raw);
    expect(kadrey.text).toContain("Kadrey v. Meta");
    expect(kadrey.text).not.toContain("Bartz");
    expect(kadrey.text).not.toContain("NEW LAWSUITS SPOTTED");
    expect(kadrey.header("subject")).toMatch(/^AI copyright this week: .*Meta.* · 2026-W48$/);

    const row = await getDigestRow(world.db, WEEK);
    expect(row).toMatchObject({ status: "complete", caseCount: 3, candidateCount: 1 });
    expect(row!.html).not.toContain("subscriptions/unsubscribe");
    expect((await listDigests(world.db, 10)).map((d) => d.week)).toEqual([WEEK]);
    const ledger = await listDeliveries(world.db, WEEK);
    expect(ledger.map((d) => d.status).sort()).toEqual(["sent", "sent", "skipped"]);
    expect(ledger.find((d) => d.status === "sent")!.messageId).toMatch(
      /^<digest\.2026-W48\.\d+@casewire\.example>$/,
    );
  });

  it("sends nothing on a second run", async () => {
    await addRecipients(3);
    await runWeeklyDigest(deps(smtp), {});
    expect(sink.messages).toHaveLength(3);
    const again = await runWeeklyDigest(deps(smtp), { week: WEEK });
    expect(again).toMatchObject({ created: false, sentNow: 0, complete: true });
    expect(sink.messages).toHaveLength(3);
  });

  it("resumes after a crash part-way: every recipient gets exactly one message", async () => {
    const emails = await addRecipients(5);
    void runWeeklyDigest(deps(crashAfter(smtp, 2)), {});
    await vi.waitFor(async () => {
      expect(sink.messages).toHaveLength(2);
      expect((await listDeliveries(world.db, WEEK)).filter((d) => d.status === "sending")).toHaveLength(1);
    });

    const resumed = await runWeeklyDigest(deps(smtp), {});
    expect(resumed.sentNow).toBe(2);
    expect(resumed.complete).toBe(false);
    expect(resumed.deliveries.sending).toBe(1);

    world.clock.advance(LEASE_MS + 1000);
    const finished = await runWeeklyDigest(deps(smtp), { week: WEEK });
    expect(finished).toMatchObject({ sentNow: 1, complete: true });
    for (const e of emails) expect(received(e)).toHaveLength(1);
  });

  it("resumes after transient refusals of the last recipients, with backoff, exactly once each", async () => {
    const emails = await addRecipients(5);
    const refused = new Set(emails.slice(2));
    sink.refuse = (rcpt) => (refused.has(rcpt) ? 451 : null);
    const first = await runWeeklyDigest(deps(smtp), { maxRetryWaitMs: 0 });
    expect(first).toMatchObject({ sentNow: 2, complete: false });
    expect(first.deliveries).toMatchObject({ sent: 2, retry: 3 });
    expect(sink.messages).toHaveLength(2);

    sink.refuse = null;
    const tooSoon = await runWeeklyDigest(deps(smtp), { maxRetryWaitMs: 0 });
    expect(tooSoon.sentNow).toBe(0);

    world.clock.advance(30_000);
    const second = await runWeeklyDigest(deps(smtp), {});
    expect(second).toMatchObject({ sentNow: 3, complete: true });
    for (const e of emails) expect(received(e)).toHaveLength(1);
    const ledger = await listDeliveries(world.db, WEEK);
    expect(ledger.map((d) => d.attempts)).toEqual([1, 1, 2, 2, 2]);
  });

  it("retries a transient failure inside the run after the backoff", async () => {
    const [a, b] = await addRecipients(2);
    let refusals = 0;
    sink.refuse = (rcpt) => (rcpt === b && refusals++ === 0 ? 421 : null);
    const slept: number[] = [];
    const report = await runWeeklyDigest(
      deps(smtp, {
        sleep: async (ms) => {
          slept.push(ms);
          world.clock.advance(ms);
        },
      }),
      {},
    );
    expect(report).toMatchObject({ sentNow: 2, complete: true });
    expect(slept).toEqual([30_000]);
    expect(received(a!)).toHaveLength(1);
    expect(received(b!)).toHaveLength(1);
  });

  it("records a permanent failure and does not retry it", async () => {
    const [ok, bad] = await addRecipients(2);
    sink.refuse = (rcpt) => (rcpt === bad ? 550 : null);
    const report = await runWeeklyDigest(deps(smtp), {});
    expect(report).toMatchObject({ sentNow: 1, complete: true });
    expect(report.deliveries).toMatchObject({ sent: 1, failed: 1 });
    const failed = (await listDeliveries(world.db, WEEK)).find((d) => d.status === "failed")!;
    expect(failed.error).toMatch(/^permanent: .*550/);
    sink.refuse = null;
    await runWeeklyDigest(deps(smtp), {});
    expect(received(ok!)).toHaveLength(1);
    expect(received(bad!)).toHaveLength(0);
  });

  it("stops when the transport looks down and leaves the rest for a later run", async () => {
    await addRecipients(7);
    const dead = createSmtpMailer({ host: "127.0.0.1", port: 1, ignoreTLS: true, connectionTimeout: 1000 });
    const report = await runWeeklyDigest(deps(dead), { maxRetryWaitMs: 0 });
    dead.close();
    expect(report.stopped).toMatch(/transport looks down/);
    expect(report.deliveries).toMatchObject({ retry: 5, pending: 2, sent: 0 });
    world.clock.advance(60_000);
    const later = await runWeeklyDigest(deps(smtp), {});
    expect(later).toMatchObject({ sentNow: 7, complete: true });
  });

  it("never sends a row twice when two runs race", async () => {
    const emails = await addRecipients(6);
    await Promise.all([runWeeklyDigest(deps(smtp), {}), runWeeklyDigest(deps(smtp), {})]);
    for (const e of emails) expect(received(e)).toHaveLength(1);
  });

  it("honours a send budget and continues on the next run", async () => {
    await addRecipients(3);
    const first = await runWeeklyDigest(deps(smtp), { maxSends: 2 });
    expect(first).toMatchObject({ sentNow: 2, complete: false });
    expect(first.stopped).toMatch(/budget/);
    const second = await runWeeklyDigest(deps(smtp), { maxSends: 2 });
    expect(second).toMatchObject({ sentNow: 1, complete: true });
  });

  it("skips subscribers who unsubscribed after the recipients were fixed", async () => {
    const [a, b] = await addRecipients(2);
    void runWeeklyDigest(deps(crashAfter(smtp, 0)), {});
    await vi.waitFor(async () =>
      expect((await listDeliveries(world.db, WEEK)).some((d) => d.status === "sending")).toBe(true),
    );
    const { unsubscribeSubscriber } = await import("../../src/db/subscribers-repo");
    const ledger = await listDeliveries(world.db, WEEK);
    await unsubscribeSubscriber(world.db, ledger[1]!.subscriberId, world.clock.now().toISOString());
    world.clock.advance(LEASE_MS + 1000);
    const report = await runWeeklyDigest(deps(smtp), {});
    expect(report.deliveries).toMatchObject({ sent: 1, skipped: 1 });
    expect(received(a!)).toHaveLength(1);
    expect(received(b!)).toHaveLength(0);
  });

  it("keeps feed text from injecting headers: a title with CR/LF + Bcc adds no header and no recipient", async () => {
    world.close();
    world = await digestWorld([
      weekArticle(1, "Judge rules for authors\r\nBcc: victim@evil.example\r\nX-Injected: yes", [
        "kadrey-v-meta",
      ]),
    ]);
    await world.addSubscriber("reader@example.com", "active");
    await runWeeklyDigest(deps(smtp), {});
    expect(sink.messages).toHaveLength(1);
    expect(sink.messages[0]!.to).toEqual(["reader@example.com"]);
    const m = parseMail(sink.messages[0]!.raw);
    expect(m.headers.has("bcc")).toBe(false);
    expect(m.headers.has("x-injected")).toBe(false);
    expect(m.headerBlock).not.toMatch(/^(bcc|x-injected):/im);
    expect(m.header("subject")).toBe(
      "AI copyright this week: Judge rules for authors Bcc: victim@evil.example X-Injected: yes · 2026-W48",
    );
  });
});

describe("runWeeklyDigest without SMTP", () => {
  it("uses the HTTP API transport: one request per recipient, same idempotency key and body on retry", async () => {
    const api = await startFakeEmailApi();
    try {
      await addRecipients(2);
      api.respond = (_req, n) =>
        n === 1 ? { status: 503, body: { message: "try later" } } : { status: 200, body: { id: `id-${n}` } };
      const mailer = createHttpApiMailer({ url: `${api.url}/emails`, apiKey: "re_key", fetch });
      const report = await runWeeklyDigest(deps(mailer), {});
      expect(report).toMatchObject({ mail: "http-api", sentNow: 2, complete: true });
      expect(api.requests).toHaveLength(3);
      const [failed, ...rest] = api.requests;
      const retried = rest.find((r) => r.headers["idempotency-key"] === failed!.headers["idempotency-key"])!;
      expect(retried.body).toEqual(failed!.body);
      expect(failed!.headers["idempotency-key"]).toMatch(/^digest\/2026-W48\/\d+$/);
      const headers = retried.body.headers as Record<string, string>;
      expect(headers["List-Unsubscribe"]).toMatch(
        /^<https:\/\/casewire\.example\/subscriptions\/unsubscribe\?token=/,
      );
      expect(headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
      expect(String(retried.body.text)).toContain("Kadrey v. Meta");
      const ids = (await listDeliveries(world.db, WEEK)).map((d) => d.messageId).sort();
      expect(ids).toEqual(["id-2", "id-3"]);
    } finally {
      await api.close();
    }
  });

  it("builds and archives the digest when mail is off, and says so", async () => {
    await addRecipients(1);
    const warnings: string[] = [];
    const logger: Logger = { ...silentLogger, warn: (msg) => warnings.push(msg) };
    const report = await runWeeklyDigest(deps(null, { logger }), {});
    expect(report).toMatchObject({ mail: "off", created: true, sentNow: 0, complete: false });
    expect(report.deliveries.pending).toBe(1);
    expect(warnings.join("\n")).toMatch(/mail is off/);
    expect(await getDigest(world.db, WEEK)).not.toBeNull();
    // Mail turned on later: the archived week is delivered.
    expect((await runWeeklyDigest(deps(smtp), { week: WEEK })).sentNow).toBe(1);
  });

  it("dry run renders the text part and stores nothing", async () => {
    await addRecipients(1);
    const report = await runWeeklyDigest(deps(smtp), { dryRun: true });
    expect(report.dryRun).toBe(true);
    expect(report.text).toContain("Bartz et al. v. Anthropic");
    expect(report.text).not.toContain(SECRET_BODY);
    expect(await getDigest(world.db, WEEK)).toBeNull();
    expect(sink.messages).toHaveLength(0);
  });

  it("refuses a malformed week and one that has not ended", async () => {
    await expect(runWeeklyDigest(deps(smtp), { week: "2026-48" })).rejects.toThrow(/not an ISO week/);
    await expect(runWeeklyDigest(deps(smtp), { week: "2026-W49" })).rejects.toThrow(/has not ended/);
  });

  it("archives an empty week without sending or listing it", async () => {
    await addRecipients(1);
    const report = await runWeeklyDigest(deps(smtp), { week: "2026-W40" });
    expect(report).toMatchObject({ cases: 0, candidates: 0, sentNow: 0, complete: true });
    expect(report.deliveries.skipped).toBe(1);
    expect(sink.messages).toHaveLength(0);
    expect(await listDigests(world.db, 10)).toEqual([]);
  });
});
