/**
 * Mail over SMTP with nodemailer (Node only: import this module from src/runtime wiring, never from jobs or
 * http, so the Workers bundle stays free of nodemailer). SMTP 4xx replies and connection problems are
 * transient; 5xx replies to a message or recipient are permanent.
 */
import { createTransport } from "nodemailer";
import type SMTPTransport from "nodemailer/lib/smtp-transport";
import { errorMessage } from "../domain/errors";
import { MailError, type Mailer, type MailMessage } from "./mailer";

/** SMTP settings: an `smtp://` / `smtps://` URL (query options such as `?ignoreTLS=true` allowed) or nodemailer's options. */
export type SmtpSettings = string | SMTPTransport.Options;

interface SmtpErrorLike {
  code?: string;
  responseCode?: number;
  command?: string;
}

/** Turns a nodemailer error into a MailError that says whether retrying can help. */
export function classifySmtpError(err: unknown): MailError {
  const e = (err ?? {}) as SmtpErrorLike;
  const reply = typeof e.responseCode === "number" ? e.responseCode : undefined;
  const message = `SMTP ${e.command ? `${e.command} ` : ""}failed: ${errorMessage(err)}`.slice(0, 500);
  if (reply !== undefined && reply >= 500 && reply < 600 && e.code !== "EAUTH") {
    return new MailError(message, false, reply);
  }
  // 4xx replies, timeouts, refused connections and authentication/configuration problems: a later run may work.
  return new MailError(message, true, reply);
}

/**
 * A Mailer that delivers through one SMTP server, one connection per message (no pool: a pool silently
 * requeues messages whose connection dropped, which could deliver twice).
 */
export function createSmtpMailer(settings: SmtpSettings): Mailer & { close(): void } {
  const base: SMTPTransport.Options = {
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
    disableFileAccess: true,
    disableUrlAccess: true,
  };
  const transport = createTransport(
    typeof settings === "string" ? { ...base, url: settings } : { ...base, ...settings },
  );
  return {
    kind: "smtp",
    async send(msg: MailMessage) {
      try {
        const info = await transport.sendMail({
          from: msg.from,
          to: msg.to,
          subject: msg.subject,
          text: msg.text,
          html: msg.html,
          messageId: msg.messageId,
          date: msg.date,
          headers: msg.headers,
          disableFileAccess: true,
          disableUrlAccess: true,
        });
        const rejected = info.rejected ?? [];
        if (rejected.length > 0) throw new MailError(`SMTP rejected ${String(rejected[0])}`, false);
        return { messageId: info.messageId || msg.messageId };
      } catch (err) {
        if (err instanceof MailError) throw err;
        throw classifySmtpError(err);
      }
    },
    close() {
      transport.close();
    },
  };
}
