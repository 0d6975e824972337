import { describe, expect, it } from "vitest";
import { CONFIRM_TTL_SECONDS, signToken, verifyToken } from "../../src/mail/tokens";

const SECRET = "test-secret-0123456789";
const NOW = new Date("2026-11-30T08:00:00Z");
const exp = Math.floor(NOW.getTime() / 1000) + CONFIRM_TTL_SECONDS;

function flip(s: string, at: number): string {
  const c = s[at]!;
  return s.slice(0, at) + (c === "A" ? "B" : "A") + s.slice(at + 1);
}

function b64url(s: string): string {
  return Buffer.from(s).toString("base64url");
}

describe("signed tokens", () => {
  it("round-trips purpose, subscriber and expiry and is URL-safe", async () => {
    const token = await signToken(SECRET, { purpose: "confirm", subscriberId: 42, expiresAt: exp });
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    expect(await verifyToken(SECRET, token, "confirm", NOW)).toEqual({
      ok: true,
      claims: { purpose: "confirm", subscriberId: 42, expiresAt: exp },
    });
  });

  it("refuses a tampered payload, a tampered signature and another key", async () => {
    const token = await signToken(SECRET, { purpose: "manage", subscriberId: 7, expiresAt: exp });
    const [, sig] = token.split(".");
    const forged = `${b64url(`v1.manage.8.${exp}`)}.${sig}`;
    expect(await verifyToken(SECRET, forged, "manage", NOW)).toEqual({ ok: false, reason: "bad-signature" });
    expect(await verifyToken(SECRET, flip(token, token.length - 5), "manage", NOW)).toEqual({
      ok: false,
      reason: "bad-signature",
    });
    expect(await verifyToken("another-secret", token, "manage", NOW)).toEqual({
      ok: false,
      reason: "bad-signature",
    });
  });

  it("refuses an expired token and one made for another purpose", async () => {
    const token = await signToken(SECRET, { purpose: "confirm", subscriberId: 1, expiresAt: exp });
    expect(await verifyToken(SECRET, token, "confirm", new Date(exp * 1000))).toEqual({
      ok: false,
      reason: "expired",
    });
    expect(await verifyToken(SECRET, token, "manage", NOW)).toEqual({ ok: false, reason: "wrong-purpose" });
  });

  it.each([
    ["", "malformed"],
    ["abc", "malformed"],
    ["a.b.c", "malformed"],
    ["!!!.???", "malformed"],
    [`${b64url("v1.confirm.1.1")}.${"A".repeat(10)}`, "malformed"],
    ["x".repeat(600), "malformed"],
  ])("refuses %j as %s", async (token, reason) => {
    expect(await verifyToken(SECRET, token, "confirm", NOW)).toEqual({ ok: false, reason });
  });

  it("refuses a validly signed payload of the wrong shape", async () => {
    // Sign arbitrary bytes with the real key the same way signToken does, to show the shape is checked too.
    const key = await crypto.subtle.importKey(
      "raw",
      new TextEncoder().encode(SECRET),
      { name: "HMAC", hash: "SHA-256" },
      false,
      ["sign"],
    );
    const payload = new TextEncoder().encode("v1.admin.1.99999999999");
    const sig = new Uint8Array(await crypto.subtle.sign("HMAC", key, payload));
    const token = `${Buffer.from(payload).toString("base64url")}.${Buffer.from(sig).toString("base64url")}`;
    expect(await verifyToken(SECRET, token, "confirm", NOW)).toEqual({ ok: false, reason: "malformed" });
  });
});
