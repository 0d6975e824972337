/** Turns one subscriber's digest into a MailMessage: personal links, list headers, stable Message-ID. */
import type { Config } from "../config";
import type { DigestModel } from "../domain/digest/digest-model";
import { weekRange } from "../domain/digest/iso-week";
import { digestSubject } from "../domain/digest/subject";
import { listHeaders, mailDomain, messageIdFor, sanitizeSubject } from "../mail/headers";
import type { MailMessage } from "../mail/mailer";
import { MANAGE_TTL_SECONDS } from "../mail/tokens";
import { renderDigestHtml } from "../render/digest-html";
import { renderDigestText } from "../render/digest-text";
import { manageToken, tokenUrl } from "./subscriptions";

/** The name in List-Id. */
export const LIST_NAME = "casewire weekly digest";

/** One recipient of a digest. */
export interface DigestRecipient {
  subscriberId: number;
  email: string;
  /** Followed cases; null = all. */
  cases: string[] | null;
}

/**
 * The message for one recipient. Deterministic for a (week, subscriber): the manage link expires a fixed time
 * after the week ends and the Date is the digest's creation time, so a retried send is byte-for-byte the same
 * request (same Message-ID and idempotency key).
 */
export async function composeDigestMessage(args: {
  model: DigestModel;
  recipient: DigestRecipient;
  config: Config;
  secret: string;
  date: Date;
}): Promise<MailMessage> {
  const { model, recipient, config } = args;
  const expiresAt = Math.floor(weekRange(model.week).end.getTime() / 1000) + MANAGE_TTL_SECONDS;
  const token = await manageToken(args.secret, recipient.subscriberId, expiresAt);
  const manageUrl = tokenUrl(config, "/subscriptions/manage", token);
  const unsubscribeUrl = tokenUrl(config, "/subscriptions/unsubscribe", token);
  const links = { base: config.publicUrl, manageUrl, unsubscribeUrl };
  const audience = { followedCases: recipient.cases === null ? null : recipient.cases.length };
  const domain = mailDomain(config.publicUrl);
  return {
    from: config.emailFrom,
    to: recipient.email,
    subject: sanitizeSubject(digestSubject(model)),
    html: renderDigestHtml(model, links, audience),
    text: renderDigestText(model, links, audience),
    messageId: messageIdFor(`digest.${model.week}.${recipient.subscriberId}`, domain),
    date: args.date,
    headers: listHeaders({ listName: LIST_NAME, domain, unsubscribeUrl }),
    idempotencyKey: `digest/${model.week}/${recipient.subscriberId}`,
  };
}
