/**
 * Email address validation and normalisation for subscriptions: a conservative subset of RFC 5321 that every
 * mail system accepts (dot-atom local part, DNS host name), lower-cased, IDN domains in punycode.
 */

/** Longest address accepted (RFC 5321 path limit minus the angle brackets). */
export const MAX_EMAIL_LENGTH = 254;

const LOCAL_RE = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const LABEL_RE = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const TLD_RE = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

/** The host in ASCII (punycode for IDN), lower-case, or null when it is not a usable DNS name. */
function asciiDomain(domain: string): string | null {
  if (domain === "" || /[\s/\\?#@:[\]%]/.test(domain)) return null;
  let host: string;
  try {
    host = new URL(`http://${domain}/`).hostname;
  } catch {
    return null;
  }
  host = host.toLowerCase();
  if (host.length > 253) return null;
  const labels = host.split(".");
  if (labels.length < 2) return null;
  if (!labels.every((l) => LABEL_RE.test(l))) return null;
  return TLD_RE.test(labels[labels.length - 1]!) ? host : null;
}

/**
 * The normalised address (trimmed, lower-cased, IDN domain as punycode), or null when `input` is not an
 * address we accept: quoted local parts, IP-literal domains, non-ASCII local parts and control characters
 * are all refused.
 */
export function normaliseEmail(input: unknown): string | null {
  if (typeof input !== "string") return null;
  const s = input.trim();
  if (s.length === 0 || s.length > MAX_EMAIL_LENGTH * 2) return null;
  if (/[\u0000-\u001f\u007f]/.test(s)) return null;
  const at = s.lastIndexOf("@");
  if (at <= 0 || at === s.length - 1) return null;
  const local = s.slice(0, at).toLowerCase();
  if (local.length > 64 || !LOCAL_RE.test(local)) return null;
  const domain = asciiDomain(s.slice(at + 1).normalize("NFC"));
  if (domain === null) return null;
  const address = `${local}@${domain}`;
  return address.length <= MAX_EMAIL_LENGTH ? address : null;
}
