import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listHeaders, sanitizeSubject } from "../../src/mail/headers";
import { MailError, type MailMessage } from "../../src/mail/mailer";
import { createSmtpMailer } from "../../src/mail/smtp-mailer";
import { parseMail, type SmtpSink, startSmtpSink } from "../helpers/smtp-sink";

function message(over: Partial<MailMessage> = {}): MailMessage {
  return {
    from: "casewire <digest@casewire.example>",
    to: "reader@example.com",
    subject: "AI copyright this week: test · 2026-W48",
    html: "<p>Hello <b>HTML</b></p>",
    text: "Hello text",
    messageId: "<digest.2026-W48.1@casewire.example>",
    date: new Date("2026-11-30T08:00:00Z"),
    headers: listHeaders({
      listName: "casewire weekly digest",
      domain: "casewire.example",
      unsubscribeUrl: "https://casewire.example/subscriptions/unsubscribe?token=abc.def",
    }),
    ...over,
  };
}

describe("SMTP mailer against a real SMTP server", () => {
  let sink: SmtpSink;
  beforeAll(async () => {
    sink = await startSmtpSink();
  });
  afterAll(async () => {
    await sink.close();
  });

  it("delivers both parts with Message-ID, Date and the list headers", async () => {
    const mailer = createSmtpMailer(sink.url);
    const before = sink.messages.length;
    const r = await mailer.send(message());
    expect(r.messageId).toBe("<digest.2026-W48.1@casewire.example>");
    expect(sink.messages).toHaveLength(before + 1);
    const got = sink.messages[before]!;
    expect(got.to).toEqual(["reader@example.com"]);
    const m = parseMail(got.raw);
    expect(m.header("subject")).toBe("AI copyright this week: test · 2026-W48");
    expect(m.header("message-id")).toBe("<digest.2026-W48.1@casewire.example>");
    expect(m.header("date")).toBe("Mon, 30 Nov 2026 08:00:00 +0000");
    expect(m.header("list-unsubscribe")).toBe(
      "<https://casewire.example/subscriptions/unsubscribe?token=abc.def>",
    );
    expect(m.header("list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    expect(m.header("list-id")).toBe("casewire weekly digest <digest.casewire.example>");
    expect(m.text.trim()).toBe("Hello text");
    expect(m.html.trim()).toBe("<p>Hello <b>HTML</b></p>");
    mailer.close();
  });

  it("keeps every header line within 998 characters for the longest subject we send", async () => {
    const mailer = createSmtpMailer(sink.url);
    const before = sink.messages.length;
    const subject = sanitizeSubject(`Lead ${"ünïcode headline words ".repeat(40)}`);
    await mailer.send(message({ subject }));
    const m = parseMail(sink.messages[before]!.raw);
    for (const line of m.headerBlock.split(/\r?\n/)) expect(line.length).toBeLessThanOrEqual(998);
    expect(m.header("subject")).toBe(subject);
    mailer.close();
  });

  it("reports a 5xx refusal as permanent and a 4xx as transient", async () => {
    const mailer = createSmtpMailer(sink.url);
    sink.refuse = (rcpt) => (rcpt.startsWith("gone") ? 550 : rcpt.startsWith("busy") ? 451 : null);
    try {
      const gone = await mailer.send(message({ to: "gone@example.com" })).catch((e: unknown) => e);
      expect(gone).toBeInstanceOf(MailError);
      expect((gone as MailError).transient).toBe(false);
      expect((gone as MailError).code).toBe(550);
      const busy = await mailer.send(message({ to: "busy@example.com" })).catch((e: unknown) => e);
      expect(busy).toBeInstanceOf(MailError);
      expect((busy as MailError).transient).toBe(true);
      expect((busy as MailError).code).toBe(451);
    } finally {
      sink.refuse = null;
      mailer.close();
    }
  });

  it("reports an unreachable server as transient", async () => {
    const closed = await startSmtpSink();
    await closed.close();
    const mailer = createSmtpMailer({
      host: "127.0.0.1",
      port: closed.port,
      ignoreTLS: true,
      connectionTimeout: 2000,
    });
    const err = await mailer.send(message()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MailError);
    expect((err as MailError).transient).toBe(true);
    mailer.close();
  });
});
