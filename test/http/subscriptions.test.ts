import { Hono } from "hono";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findSubscriberByEmail } from "../../src/db/subscribers-repo";
import { silentLogger } from "../../src/domain/log";
import { ACCEPTED_BODY, subscriptionRoutes } from "../../src/http/routes/subscriptions";
import { runWeeklyDigest } from "../../src/jobs/weekly-digest";
import { createSmtpMailer } from "../../src/mail/smtp-mailer";
import { type DigestWorld, digestWorld } from "../helpers/digest-world";
import { parseMail, type SmtpSink, startSmtpSink } from "../helpers/smtp-sink";

let world: DigestWorld;
let sink: SmtpSink;
let smtp: ReturnType<typeof createSmtpMailer>;
let app: Hono;
let tasks: Promise<unknown>[];

beforeEach(async () => {
  world = await digestWorld();
  sink = await startSmtpSink();
  smtp = createSmtpMailer(sink.url);
  tasks = [];
  app = new Hono();
  app.route(
    "/",
    subscriptionRoutes({
      db: world.db,
      mailer: smtp,
      config: world.config(),
      logger: silentLogger,
      clock: world.clock.now,
      getSecret: async () => "world-secret",
      background: (t) => tasks.push(t),
    }),
  );
});

afterEach(async () => {
  smtp.close();
  await sink.close();
  world.close();
});

async function settle(): Promise<void> {
  await Promise.all(tasks.splice(0));
}

function subscribe(body: unknown): Promise<Response> {
  return Promise.resolve(
    app.request("/api/subscriptions", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    }),
  );
}

/** The path and query of the first link in `text` that starts with `${base}${path}`. */
function linkIn(text: string, path: string): string {
  const m = new RegExp(
    `https://casewire\\.example(${path.replace(/\//g, "\\/")}\\?token=[A-Za-z0-9_.%-]+)`,
  ).exec(text);
  if (!m) throw new Error(`no ${path} link in:\n${text}`);
  return m[1]!;
}

function mailsTo(email: string) {
  return sink.messages.filter((m) => m.to.includes(email)).map((m) => parseMail(m.raw));
}

describe("subscribe → confirm → digest → unsubscribe, with a real SMTP server", () => {
  it("runs the whole double opt-in flow and one-click unsubscribe", async () => {
    const res = await subscribe({ email: "  Reader@Example.COM ", cases: ["kadrey-v-meta"] });
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual(ACCEPTED_BODY);
    await settle();

    const [confirmation] = mailsTo("reader@example.com");
    expect(confirmation).toBeDefined();
    expect(confirmation!.header("subject")).toBe("Confirm your casewire weekly digest");
    expect(confirmation!.text).toContain("Kadrey v. Meta Platforms");
    expect(confirmation!.html).toContain("Confirm subscription");
    expect((await findSubscriberByEmail(world.db, "reader@example.com"))!.status).toBe("pending");

    const confirmed = await app.request(linkIn(confirmation!.text, "/subscriptions/confirm"));
    expect(confirmed.status).toBe(200);
    const page = await confirmed.text();
    expect(page).toContain("You are subscribed");
    expect(page).toContain("Kadrey v. Meta Platforms");
    expect(confirmed.headers.get("content-security-policy")).toMatch(/default-src 'none'/);
    expect(confirmed.headers.get("referrer-policy")).toBe("no-referrer");
    expect(await findSubscriberByEmail(world.db, "reader@example.com")).toMatchObject({
      status: "active",
      cases: ["kadrey-v-meta"],
    });

    const report = await runWeeklyDigest(
      { db: world.db, mailer: smtp, config: world.config(), logger: silentLogger, clock: world.clock.now },
      {},
    );
    expect(report.sentNow).toBe(1);
    const digest = mailsTo("reader@example.com")[1]!;
    expect(digest.header("subject")).toMatch(/· 2026-W48$/);
    expect(digest.text).toContain("Kadrey v. Meta Platforms");
    expect(digest.text).not.toContain("Anthropic");
    expect(digest.html).toContain("Kadrey v. Meta Platforms");
    expect(digest.header("list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    const unsubscribeUrl = digest.header("list-unsubscribe")!.slice(1, -1);
    expect(unsubscribeUrl).toMatch(/^https:\/\/casewire\.example\/subscriptions\/unsubscribe\?token=/);
    const path = unsubscribeUrl.replace("https://casewire.example", "");

    // GET (what mail scanners do) shows a button and changes nothing.
    const get = await app.request(path);
    expect(get.status).toBe(200);
    const prompt = await get.text();
    expect(prompt).toContain('<form method="post"');
    expect(prompt).toContain("<button");
    expect((await findSubscriberByEmail(world.db, "reader@example.com"))!.status).toBe("active");

    // RFC 8058 one-click POST unsubscribes at once.
    const post = await app.request(path, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    expect(post.status).toBe(200);
    expect(await post.text()).toContain("You are unsubscribed");
    expect((await findSubscriberByEmail(world.db, "reader@example.com"))!.status).toBe("unsubscribed");

    // The old confirmation link cannot resubscribe.
    const replay = await app.request(linkIn(confirmation!.text, "/subscriptions/confirm"));
    expect(replay.status).toBe(400);
    expect(await replay.text()).toContain("This link is out of date");
    expect((await findSubscriberByEmail(world.db, "reader@example.com"))!.status).toBe("unsubscribed");

    // Subscribing again sends a fresh link, which works.
    world.clock.advance(1000);
    await subscribe({ email: "reader@example.com" });
    await settle();
    const fresh = mailsTo("reader@example.com").at(-1)!;
    expect((await app.request(linkIn(fresh.text, "/subscriptions/confirm"))).status).toBe(200);
    expect(await findSubscriberByEmail(world.db, "reader@example.com")).toMatchObject({
      status: "active",
      cases: null,
    });
  });

  it("answers the same whether or not the address is known", async () => {
    await world.addSubscriber("known@example.com", "active");
    const known = await subscribe({ email: "known@example.com" });
    const unknown = await subscribe({ email: "new@example.com" });
    expect(known.status).toBe(unknown.status);
    expect(await known.text()).toBe(await unknown.text());
    expect([...known.headers.keys()].sort()).toEqual([...unknown.headers.keys()].sort());
  });

  it("sends at most 3 confirmation emails per address per day", async () => {
    for (let i = 0; i < 5; i++) expect((await subscribe({ email: "eager@example.com" })).status).toBe(202);
    await settle();
    expect(mailsTo("eager@example.com")).toHaveLength(3);
    world.clock.advance(24 * 3600 * 1000);
    await subscribe({ email: "eager@example.com" });
    await settle();
    expect(mailsTo("eager@example.com")).toHaveLength(4);
  });

  it("refuses a tampered or expired link with a clear page", async () => {
    await subscribe({ email: "reader@example.com" });
    await settle();
    const link = linkIn(mailsTo("reader@example.com")[0]!.text, "/subscriptions/confirm");
    const token = new URL(`https://x${link}`).searchParams.get("token")!;
    const [payload, sig] = token.split(".");
    const forgedPayload = Buffer.from(
      Buffer.from(payload!, "base64url")
        .toString()
        .replace(/\.(\d+)\./, ".999."),
    ).toString("base64url");

    for (const bad of [`${forgedPayload}.${sig}`, `${token.slice(0, -2)}xx`, "garbage"]) {
      const res = await app.request(`/subscriptions/confirm?token=${encodeURIComponent(bad)}`);
      expect(res.status).toBe(400);
      const body = await res.text();
      expect(body).toContain("This link is not valid");
      expect(body).not.toContain(bad);
    }
    expect((await findSubscriberByEmail(world.db, "reader@example.com"))!.status).toBe("pending");

    world.clock.advance(7 * 24 * 3600 * 1000 + 1000);
    const expired = await app.request(link);
    expect(expired.status).toBe(410);
    expect(await expired.text()).toContain("This link has expired");
    expect((await findSubscriberByEmail(world.db, "reader@example.com"))!.status).toBe("pending");
  });

  it("refuses a confirmation token used as an unsubscribe token", async () => {
    await subscribe({ email: "reader@example.com" });
    await settle();
    const token = linkIn(mailsTo("reader@example.com")[0]!.text, "/subscriptions/confirm").split("token=")[1];
    const res = await app.request(`/subscriptions/unsubscribe?token=${token}`, { method: "POST" });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("This link is for something else");
  });

  it("validates the request", async () => {
    const bad = await subscribe({ email: "not-an-address" });
    expect(bad.status).toBe(400);
    expect(bad.headers.get("content-type")).toMatch(/application\/problem\+json/);
    expect((await bad.json()).detail).toMatch(/"email"/);
    const unknownCase = await subscribe({ email: "a@example.com", cases: ["no-such-case"] });
    expect(unknownCase.status).toBe(400);
    expect((await unknownCase.json()).detail).toMatch(/no-such-case/);
    const notArray = await subscribe({ email: "a@example.com", cases: "kadrey-v-meta" });
    expect(notArray.status).toBe(400);
    const text = await app.request("/api/subscriptions", { method: "POST", body: "email=x" });
    expect(text.status).toBe(415);
    await settle();
    expect(sink.messages).toHaveLength(0);
  });

  it("accepts the HTML form and answers with a page", async () => {
    const res = await app.request("/api/subscriptions", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "email=form%40example.com&cases=kadrey-v-meta&cases=bartz-v-anthropic",
    });
    expect(res.status).toBe(202);
    expect(res.headers.get("content-type")).toMatch(/text\/html/);
    expect(await res.text()).toContain("Check your inbox");
    await settle();
    expect(mailsTo("form@example.com")[0]!.text).toContain("2 cases");
    const everyCase = await app.request("/api/subscriptions", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "email=all%40example.com&cases=",
    });
    expect(everyCase.status).toBe(202);
    await settle();
    expect(mailsTo("all@example.com")[0]!.text).toContain("every AI copyright case");
    const bad = await app.request("/api/subscriptions", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "email=nope",
    });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("does not look like an email address");
  });

  it("lets a subscriber change cases from the signed link", async () => {
    const id = await world.addSubscriber("m@example.com", "active");
    const { manageToken } = await import("../../src/jobs/subscriptions");
    const token = await manageToken(
      "world-secret",
      id,
      Math.floor(world.clock.now().getTime() / 1000) + 3600,
    );
    const get = await app.request(`/subscriptions/manage?token=${token}`);
    expect(get.status).toBe(200);
    const html = await get.text();
    expect(html).toContain('value="kadrey-v-meta"');
    expect(html).not.toMatch(/<script|\sstyle="/);

    const save = (body: string) =>
      app.request("/subscriptions/manage", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: `token=${token}&${body}`,
      });
    const saved = await save("scope=some&cases=kadrey-v-meta&cases=bartz-v-anthropic");
    expect(saved.status).toBe(200);
    expect(await saved.text()).toContain("Saved.");
    expect((await findSubscriberByEmail(world.db, "m@example.com"))!.cases).toEqual([
      "bartz-v-anthropic",
      "kadrey-v-meta",
    ]);
    expect((await save("scope=some")).status).toBe(400);
    expect((await save("scope=all&cases=kadrey-v-meta")).status).toBe(200);
    expect((await findSubscriberByEmail(world.db, "m@example.com"))!.cases).toBeNull();
    const forged = await app.request("/subscriptions/manage", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: `token=${token.slice(0, -3)}abc&scope=all`,
    });
    expect(forged.status).toBe(400);
  });
});
