/**
 * Mail over a Resend-compatible HTTP API with fetch (Workers and Node): POST {from, to, subject, html, text,
 * headers} as JSON with a Bearer key and an Idempotency-Key; the response's `id` becomes the message id. The
 * provider writes Message-ID and Date itself (our own Message-ID is not passed: APIs differ on whether they
 * accept it), so a repeated request is deduplicated by the Idempotency-Key instead.
 * 429, 5xx, 409 (a concurrent request with the same key) and network errors are transient; other 4xx permanent.
 */
import type { Config } from "../config";
import { errorMessage } from "../domain/errors";
import { MailError, type Mailer, type MailMessage } from "./mailer";

/** What the HTTP transport needs. */
export interface HttpApiMailerOptions {
  /** Full URL of the send endpoint, e.g. `https://api.resend.com/emails`. */
  url: string;
  apiKey: string;
  fetch: typeof fetch;
  /** Abort a request after this long (default 15 s). */
  timeoutMs?: number;
}

async function problemText(res: Response): Promise<string> {
  const body = (await res.text().catch(() => "")).slice(0, 500);
  try {
    const j = JSON.parse(body) as { message?: unknown; name?: unknown; error?: unknown };
    const msg = j.message ?? j.error ?? j.name;
    if (typeof msg === "string") return msg.slice(0, 300);
  } catch {
    // not JSON
  }
  return body.replace(/\s+/g, " ").trim().slice(0, 300);
}

/** A Mailer that posts each message to a Resend-compatible endpoint. */
export function createHttpApiMailer(opts: HttpApiMailerOptions): Mailer {
  const timeoutMs = opts.timeoutMs ?? 15_000;
  return {
    kind: "http-api",
    async send(msg: MailMessage) {
      const requestHeaders: Record<string, string> = {
        authorization: `Bearer ${opts.apiKey}`,
        "content-type": "application/json",
        accept: "application/json",
      };
      if (msg.idempotencyKey) requestHeaders["idempotency-key"] = msg.idempotencyKey.slice(0, 256);
      let res: Response;
      try {
        res = await opts.fetch(opts.url, {
          method: "POST",
          headers: requestHeaders,
          body: JSON.stringify({
            from: msg.from,
            to: [msg.to],
            subject: msg.subject,
            html: msg.html,
            text: msg.text,
            headers: msg.headers,
          }),
          signal: AbortSignal.timeout(timeoutMs),
          redirect: "manual",
        });
      } catch (err) {
        throw new MailError(`email API unreachable: ${errorMessage(err)}`, true);
      }
      if (!res.ok) {
        const detail = await problemText(res);
        const transient = res.status === 429 || res.status === 409 || res.status >= 500;
        throw new MailError(
          `email API answered ${res.status}${detail ? `: ${detail}` : ""}`,
          transient,
          res.status,
        );
      }
      const body = (await res.json().catch(() => null)) as { id?: unknown } | null;
      const id = body && typeof body.id === "string" && body.id ? body.id : msg.messageId;
      return { messageId: id };
    },
  };
}

/** The HTTP transport when EMAIL_API_URL and EMAIL_API_KEY are both set, else null. */
export function httpApiMailerFromConfig(config: Config, fetchFn: typeof fetch): Mailer | null {
  if (!config.emailApiUrl || !config.emailApiKey) return null;
  return createHttpApiMailer({ url: config.emailApiUrl, apiKey: config.emailApiKey, fetch: fetchFn });
}
