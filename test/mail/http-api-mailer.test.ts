import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config";
import { createHttpApiMailer, httpApiMailerFromConfig } from "../../src/mail/http-api-mailer";
import { MailError, type MailMessage } from "../../src/mail/mailer";
import { type FakeEmailApi, startFakeEmailApi } from "../helpers/email-api-server";

const MSG: MailMessage = {
  from: "casewire <digest@casewire.example>",
  to: "reader@example.com",
  subject: "AI copyright this week · 2026-W48",
  html: "<p>hi</p>",
  text: "hi",
  messageId: "<digest.2026-W48.3@casewire.example>",
  date: new Date("2026-11-30T08:00:00Z"),
  headers: {
    "List-Unsubscribe": "<https://casewire.example/u?token=t>",
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
  },
  idempotencyKey: "digest/2026-W48/3",
};

describe("HTTP email API mailer against a loopback server", () => {
  let api: FakeEmailApi;
  beforeAll(async () => {
    api = await startFakeEmailApi();
  });
  afterAll(async () => {
    await api.close();
  });

  it("posts Resend-style JSON with the Bearer key and an idempotency key, and returns the API's id", async () => {
    api.requests.length = 0;
    api.respond = null;
    const mailer = createHttpApiMailer({ url: `${api.url}/emails`, apiKey: "re_test", fetch });
    expect(await mailer.send(MSG)).toEqual({ messageId: "email-1" });
    const req = api.requests[0]!;
    expect(req.method).toBe("POST");
    expect(req.path).toBe("/emails");
    expect(req.headers.authorization).toBe("Bearer re_test");
    expect(req.headers["idempotency-key"]).toBe("digest/2026-W48/3");
    expect(req.headers["content-type"]).toBe("application/json");
    expect(req.body).toEqual({
      from: MSG.from,
      to: ["reader@example.com"],
      subject: MSG.subject,
      html: MSG.html,
      text: MSG.text,
      headers: MSG.headers,
    });
  });

  it.each([
    [429, true],
    [500, true],
    [503, true],
    [409, true],
    [422, false],
    [401, false],
  ])("HTTP %i is transient: %s", async (status, transient) => {
    api.respond = () => ({ status, body: { name: "error", message: `status ${status}` } });
    const mailer = createHttpApiMailer({ url: `${api.url}/emails`, apiKey: "k", fetch });
    const err = await mailer.send(MSG).catch((e: unknown) => e);
    api.respond = null;
    expect(err).toBeInstanceOf(MailError);
    expect((err as MailError).transient).toBe(transient);
    expect((err as MailError).code).toBe(status);
    expect((err as MailError).message).toContain(`status ${status}`);
  });

  it("treats an unreachable API as transient", async () => {
    const gone = await startFakeEmailApi();
    await gone.close();
    const mailer = createHttpApiMailer({ url: `${gone.url}/emails`, apiKey: "k", fetch });
    const err = await mailer.send(MSG).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MailError);
    expect((err as MailError).transient).toBe(true);
  });

  it("is built from config only when both URL and key are set", () => {
    expect(httpApiMailerFromConfig(parseConfig({}), fetch)).toBeNull();
    expect(
      httpApiMailerFromConfig(parseConfig({ EMAIL_API_URL: "https://api.example/emails" }), fetch),
    ).toBeNull();
    const m = httpApiMailerFromConfig(
      parseConfig({ EMAIL_API_URL: "https://api.example/emails", EMAIL_API_KEY: "k" }),
      fetch,
    );
    expect(m?.kind).toBe("http-api");
  });
});
