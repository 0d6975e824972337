/** The one mail interface every transport implements, and the error that says whether a retry can help. */

/** A message ready to send; every header value must already be sanitised (see headers.ts). */
export interface MailMessage {
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  /** `<id@host>`, stable across retries of the same message. */
  messageId: string;
  date: Date;
  /** Extra headers (List-Unsubscribe, List-Unsubscribe-Post, List-Id...). */
  headers: Record<string, string>;
  /** Lets an HTTP API drop a repeated request for the same message (sent as the Idempotency-Key header). */
  idempotencyKey?: string;
}

/** Sends messages; throws MailError when it cannot. */
export interface Mailer {
  /** Which transport this is, for logs ("smtp", "http-api"...). */
  readonly kind: string;
  send(msg: MailMessage): Promise<{ messageId: string }>;
}

/** A failed send: `transient` failures (timeouts, 4xx SMTP replies, HTTP 429/5xx) may succeed later. */
export class MailError extends Error {
  readonly transient: boolean;
  /** SMTP reply code or HTTP status, when there was one. */
  readonly code: number | undefined;

  constructor(message: string, transient: boolean, code?: number) {
    super(message);
    this.name = "MailError";
    this.transient = transient;
    this.code = code;
  }
}

/** Whether a thrown value is worth retrying: MailErrors say so; anything else (network, bugs) counts as transient. */
export function isTransientMailError(err: unknown): boolean {
  return err instanceof MailError ? err.transient : true;
}
