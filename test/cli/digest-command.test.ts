import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { EXIT_INCOMPLETE, runDigestCommand } from "../../src/cli/digest-command";
import { silentLogger } from "../../src/domain/log";
import { MailError, type Mailer } from "../../src/mail/mailer";
import { type DigestWorld, digestWorld } from "../helpers/digest-world";

let world: DigestWorld;
let out: string[];
beforeEach(async () => {
  world = await digestWorld();
  out = [];
});
afterEach(() => world.close());

function run(mailer: Mailer | null, opts: { week?: string; dryRun?: boolean }) {
  return runDigestCommand(
    {
      db: world.db,
      mailer,
      config: world.config(),
      logger: silentLogger,
      clock: world.clock.now,
      sleep: async (ms) => world.clock.advance(ms),
      write: (t) => out.push(t),
    },
    opts,
  );
}

const recording = (fail = false): Mailer & { sent: string[] } => {
  const sent: string[] = [];
  return {
    kind: "test",
    sent,
    async send(msg) {
      if (fail) throw new MailError("421 try later", true, 421);
      sent.push(msg.to);
      return { messageId: msg.messageId };
    },
  };
};

describe("digest command", () => {
  it("--dry-run prints the subject and the text part and sends nothing", async () => {
    await world.addSubscriber("a@example.com", "active");
    const mailer = recording();
    expect(await run(mailer, { dryRun: true, week: "2026-W48" })).toBe(0);
    const text = out.join("");
    expect(text).toMatch(
      /^Subject: AI copyright this week: .* · 2026-W48\n\nCASEWIRE WEEKLY DIGEST · 2026-W48\n/,
    );
    expect(text).toContain("Bartz et al. v. Anthropic PBC");
    expect(mailer.sent).toEqual([]);
  });

  it("sends and prints one summary line; a rerun is a no-op", async () => {
    await world.addSubscriber("a@example.com", "active");
    const mailer = recording();
    expect(await run(mailer, {})).toBe(0);
    expect(out.join("")).toMatch(
      /^digest 2026-W48: 3 cases, 4 stories, 1 new lawsuit spotted \(archived now\); sent 1 now via test; ledger: 1 sent, 0 skipped, 0 failed, 0 waiting; complete\n$/,
    );
    out.length = 0;
    expect(await run(mailer, { week: "2026-W48" })).toBe(0);
    expect(out.join("")).toMatch(/sent 0 now/);
    expect(mailer.sent).toEqual(["a@example.com"]);
  });

  it("exits 75 when deliveries are left for a later run, 0 when mail is off", async () => {
    await world.addSubscriber("a@example.com", "active");
    expect(await run(recording(true), {})).toBe(EXIT_INCOMPLETE);
    expect(out.join("")).toMatch(/incomplete .*run again to resume/);
    out.length = 0;
    expect(await run(null, {})).toBe(0);
    expect(out.join("")).toMatch(/mail is off/);
  });
});
