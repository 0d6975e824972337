/**
 * Header hygiene: text from feeds ends up in subjects, so every header value is made a single safe line (no
 * CR/LF or other controls, bounded length). Folding on the wire is the transport's job: nodemailer folds at
 * white space and encodes non-ASCII (test/mail/smtp-mailer.test.ts checks every line stays within 998).
 */

/** RFC 5322 §2.1.1: no line may exceed 998 characters (excluding CRLF). */
export const MAX_LINE = 998;
/** Longest subject we send (a few folded lines). */
export const MAX_SUBJECT_CHARS = 400;

const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]+/g;

/**
 * A header value as one clean line: CR, LF and every other control character become a space, runs of white
 * space collapse, ends are trimmed, and the result is cut to `max` characters (never inside a surrogate pair).
 */
export function sanitizeHeaderValue(value: string, max = MAX_LINE): string {
  let s = value.replace(CONTROLS, " ").replace(/\s+/g, " ").trim();
  if (s.length > max) {
    s = s.slice(0, max);
    if (/[\ud800-\udbff]$/.test(s)) s = s.slice(0, -1);
    s = s.trimEnd();
  }
  return s;
}

/** A subject line: sanitised and at most MAX_SUBJECT_CHARS characters, ending in "…" when cut. */
export function sanitizeSubject(subject: string): string {
  const s = sanitizeHeaderValue(subject, Number.MAX_SAFE_INTEGER);
  return s.length <= MAX_SUBJECT_CHARS ? s : `${sanitizeHeaderValue(s, MAX_SUBJECT_CHARS - 1)}…`;
}

/** The host part to use in Message-IDs and List-Id: the public URL's host name (`localhost` as a fallback). */
export function mailDomain(publicUrl: string): string {
  try {
    const host = new URL(publicUrl).hostname.toLowerCase();
    return /^[a-z0-9.-]+$/.test(host) ? host : "localhost";
  } catch {
    return "localhost";
  }
}

/** A stable Message-ID `<left@domain>`; `left` is reduced to atext characters so it can never break the header. */
export function messageIdFor(left: string, domain: string): string {
  const l = left.replace(/[^A-Za-z0-9._+=-]/g, "-").slice(0, 200) || "msg";
  return `<${l}@${domain}>`;
}

/** The list headers of a digest: List-Id, RFC 2369 List-Unsubscribe (https URL) and RFC 8058 one-click. */
export function listHeaders(opts: {
  listName: string;
  domain: string;
  unsubscribeUrl: string;
}): Record<string, string> {
  const url = sanitizeHeaderValue(opts.unsubscribeUrl).replace(/[<>\s]/g, "");
  return {
    "List-Id": `${sanitizeHeaderValue(opts.listName, 100).replace(/[<>"]/g, "")} <digest.${opts.domain}>`,
    "List-Unsubscribe": `<${url}>`,
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
  };
}
