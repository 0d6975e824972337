/**
 * Signed, expiring links for subscriptions: `base64url(payload).base64url(HMAC-SHA256(SECRET, payload))` where
 * the payload is `v1.<purpose>.<subscriber id>.<expiry, unix seconds>`. Web Crypto only (Node 20 and Workers);
 * the signature is checked with crypto.subtle.verify, which compares in constant time.
 */

/** What a token lets its holder do: confirm a subscription, or manage/unsubscribe one. */
export type TokenPurpose = "confirm" | "manage";

/** Confirmation links work for 7 days. */
export const CONFIRM_TTL_SECONDS = 7 * 24 * 3600;
/** Manage/unsubscribe links in digests work for a year. */
export const MANAGE_TTL_SECONDS = 365 * 24 * 3600;

/** A verified token's content. */
export interface TokenClaims {
  purpose: TokenPurpose;
  subscriberId: number;
  /** Expiry, unix seconds. */
  expiresAt: number;
}

/** Why a token was refused. */
export type TokenFailure = "malformed" | "bad-signature" | "expired" | "wrong-purpose";

/** The outcome of verifyToken. */
export type TokenResult = { ok: true; claims: TokenClaims } | { ok: false; reason: TokenFailure };

const encoder = new TextEncoder();
const keys = new Map<string, Promise<CryptoKey>>();

function hmacKey(secret: string): Promise<CryptoKey> {
  let key = keys.get(secret);
  if (!key) {
    if (keys.size > 8) keys.clear();
    key = crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, [
      "sign",
      "verify",
    ]);
    keys.set(secret, key);
  }
  return key;
}

function toBase64Url(bytes: Uint8Array): string {
  let bin = "";
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(s: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(s) || s.length % 4 === 1) return null;
  try {
    const bin = atob(s.replace(/-/g, "+").replace(/_/g, "/") + "===".slice((s.length + 3) % 4));
    return Uint8Array.from(bin, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

/** Signs a token for `subscriberId` and `purpose` that expires at `expiresAt` (unix seconds). */
export async function signToken(secret: string, claims: TokenClaims): Promise<string> {
  if (!secret) throw new Error("signToken: empty secret");
  const payload = encoder.encode(
    `v1.${claims.purpose}.${claims.subscriberId}.${Math.floor(claims.expiresAt)}`,
  );
  const sig = new Uint8Array(await crypto.subtle.sign("HMAC", await hmacKey(secret), payload));
  return `${toBase64Url(payload)}.${toBase64Url(sig)}`;
}

/**
 * Checks a token: well-formed, signed with `secret` (constant-time), of the `expected` purpose and not expired
 * at `now`. The signature is checked before anything in the payload is trusted.
 */
export async function verifyToken(
  secret: string,
  token: string | null | undefined,
  expected: TokenPurpose,
  now: Date,
): Promise<TokenResult> {
  if (!token || token.length > 512) return { ok: false, reason: "malformed" };
  const parts = token.trim().split(".");
  if (parts.length !== 2) return { ok: false, reason: "malformed" };
  const payload = fromBase64Url(parts[0]!);
  const sig = fromBase64Url(parts[1]!);
  if (!payload || !sig || payload.length === 0 || sig.length !== 32)
    return { ok: false, reason: "malformed" };
  const valid = await crypto.subtle.verify(
    "HMAC",
    await hmacKey(secret),
    sig as Uint8Array<ArrayBuffer>,
    payload as Uint8Array<ArrayBuffer>,
  );
  if (!valid) return { ok: false, reason: "bad-signature" };
  const m = /^v1\.(confirm|manage)\.(\d{1,15})\.(\d{1,12})$/.exec(new TextDecoder().decode(payload));
  if (!m) return { ok: false, reason: "malformed" };
  const claims: TokenClaims = {
    purpose: m[1] as TokenPurpose,
    subscriberId: Number(m[2]),
    expiresAt: Number(m[3]),
  };
  if (claims.purpose !== expected) return { ok: false, reason: "wrong-purpose" };
  if (claims.expiresAt * 1000 <= now.getTime()) return { ok: false, reason: "expired" };
  return { ok: true, claims };
}
