/**
 * Subscription logic behind the routes: double opt-in requests (same answer whether or not the address is
 * known; at most CONFIRMATIONS_PER_DAY emails per address per UTC day), confirmation, unsubscribe and case
 * selection, all authorised by signed links (see mail/tokens.ts).
 */
import type { Config } from "../config";
import type { Db } from "../db/database";
import {
  activateSubscriber,
  caseChoices,
  ensureSubscriber,
  getSubscriber,
  knownCaseIds,
  type Subscriber,
  takeConfirmationSlot,
  unsubscribeSubscriber,
} from "../db/subscribers-repo";
import { normaliseEmail } from "../domain/digest/email-address";
import { AppError, errorMessage } from "../domain/errors";
import type { Logger } from "../domain/log";
import { mailDomain, messageIdFor, sanitizeSubject } from "../mail/headers";
import type { Mailer } from "../mail/mailer";
import {
  CONFIRM_TTL_SECONDS,
  MANAGE_TTL_SECONDS,
  signToken,
  type TokenFailure,
  verifyToken,
} from "../mail/tokens";
import { renderConfirmationEmail } from "../render/confirmation-email";

/** Confirmation emails per address per UTC day. */
export const CONFIRMATIONS_PER_DAY = 3;
/** Most cases one request may name. */
export const MAX_CASES_PER_REQUEST = 100;

/** What subscription handling needs. */
export interface SubscriptionDeps {
  db: Db;
  mailer: Mailer | null;
  config: Config;
  logger: Logger;
  clock: () => Date;
  /** The HMAC key (see jobs/secret.ts). */
  getSecret: () => Promise<string>;
}

/** Why a link was refused: a token problem, or the subscriber is gone, or the link predates an unsubscribe. */
export type LinkFailure = TokenFailure | "unknown-subscriber" | "superseded";

/** The outcome of acting on a signed link. */
export type LinkResult<T> = ({ ok: true } & T) | { ok: false; reason: LinkFailure };

/** Validates the requested cases: undefined, null or [] mean all cases; unknown ids are a 400. */
export async function parseCaseSelection(db: Db, raw: unknown): Promise<string[] | null> {
  if (raw === undefined || raw === null) return null;
  if (!Array.isArray(raw) || raw.some((c) => typeof c !== "string")) {
    throw new AppError(400, "Bad Request", 'invalid parameter "cases": expected an array of case ids');
  }
  const ids = [...new Set((raw as string[]).map((c) => c.trim()).filter((c) => c !== ""))];
  if (ids.length === 0) return null;
  if (ids.length > MAX_CASES_PER_REQUEST || ids.some((id) => id.length > 200)) {
    throw new AppError(
      400,
      "Bad Request",
      `invalid parameter "cases": at most ${MAX_CASES_PER_REQUEST} case ids`,
    );
  }
  const known = await knownCaseIds(db, ids);
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new AppError(
      400,
      "Bad Request",
      `invalid parameter "cases": unknown case id ${JSON.stringify(unknown[0])}`,
    );
  }
  return ids.sort();
}

/** Absolute link to a subscription page carrying a token. */
export function tokenUrl(config: Config, path: string, token: string): string {
  return `${config.publicUrl}${path}?${new URLSearchParams({ token }).toString()}`;
}

/** A manage/unsubscribe token for `subscriberId` valid until `expiresAt` (unix seconds). */
export async function manageToken(secret: string, subscriberId: number, expiresAt: number): Promise<string> {
  return signToken(secret, { purpose: "manage", subscriberId, expiresAt });
}

/**
 * Handles `POST /api/subscriptions`: validates and normalises the address (400 when invalid) and the cases,
 * creates or finds the subscriber, and when the daily limit allows, records the selection and returns the
 * confirmation email to send. Callers answer the same way in every case and should send in the background,
 * so neither the answer nor its timing tells whether the address was known.
 */
export async function requestSubscription(
  deps: SubscriptionDeps,
  input: { email: unknown; cases?: unknown },
): Promise<{ send: (() => Promise<void>) | null }> {
  const email = normaliseEmail(input.email);
  if (!email) throw new AppError(400, "Bad Request", 'invalid parameter "email": not a valid email address');
  const selection = await parseCaseSelection(deps.db, input.cases);
  const now = deps.clock();
  const nowIso = now.toISOString();
  const sub = await ensureSubscriber(deps.db, email, nowIso);
  const allowed = await takeConfirmationSlot(deps.db, sub.id, {
    day: nowIso.slice(0, 10),
    maxPerDay: CONFIRMATIONS_PER_DAY,
    pendingCases: selection,
    nowIso,
  });
  if (!allowed) {
    deps.logger.info("confirmation email rate-limited", { subscriber_id: sub.id });
    return { send: null };
  }
  const mailer = deps.mailer;
  if (!mailer) {
    deps.logger.warn("mail is off: confirmation email not sent", { subscriber_id: sub.id });
    return { send: null };
  }
  const secret = await deps.getSecret();
  const expiresAt = Math.floor(now.getTime() / 1000) + CONFIRM_TTL_SECONDS;
  const token = await signToken(secret, { purpose: "confirm", subscriberId: sub.id, expiresAt });
  const captions = selection === null ? null : await captionsOf(deps.db, selection);
  const mail = renderConfirmationEmail({
    confirmUrl: tokenUrl(deps.config, "/subscriptions/confirm", token),
    captions,
    validDays: CONFIRM_TTL_SECONDS / 86_400,
    base: deps.config.publicUrl,
  });
  const domain = mailDomain(deps.config.publicUrl);
  return {
    send: async () => {
      try {
        await mailer.send({
          from: deps.config.emailFrom,
          to: email,
          subject: sanitizeSubject(mail.subject),
          html: mail.html,
          text: mail.text,
          messageId: messageIdFor(`confirm.${sub.id}.${now.getTime()}`, domain),
          date: now,
          headers: { "Auto-Submitted": "auto-generated" },
        });
        deps.logger.info("confirmation email sent", { subscriber_id: sub.id });
      } catch (err) {
        deps.logger.error("confirmation email failed", { subscriber_id: sub.id, error: errorMessage(err) });
      }
    },
  };
}

async function captionsOf(db: Db, ids: readonly string[]): Promise<string[]> {
  const choices = await caseChoices(db);
  const byId = new Map(choices.map((c) => [c.id, c.caption]));
  return ids.map((id) => byId.get(id) ?? id);
}

async function linkSubscriber(
  deps: SubscriptionDeps,
  token: string | null | undefined,
  purpose: "confirm" | "manage",
): Promise<LinkResult<{ subscriber: Subscriber; expiresAt: number }>> {
  const verified = await verifyToken(await deps.getSecret(), token, purpose, deps.clock());
  if (!verified.ok) return verified;
  const subscriber = await getSubscriber(deps.db, verified.claims.subscriberId);
  if (!subscriber) return { ok: false, reason: "unknown-subscriber" };
  return { ok: true, subscriber, expiresAt: verified.claims.expiresAt };
}

/**
 * Confirms a subscription from a confirmation link: activates it with the selection asked for (an active
 * subscriber keeps its selection when none is pending). A link issued before the subscriber last
 * unsubscribed is refused (`superseded`). Returns the subscriber after the change and a manage token.
 */
export async function confirmSubscription(
  deps: SubscriptionDeps,
  token: string | null | undefined,
): Promise<LinkResult<{ subscriber: Subscriber; manageToken: string }>> {
  const found = await linkSubscriber(deps, token, "confirm");
  if (!found.ok) return found;
  const { subscriber: sub, expiresAt } = found;
  const issuedAt = expiresAt - CONFIRM_TTL_SECONDS;
  const unsubscribedAt = sub.unsubscribedAt ? Math.floor(Date.parse(sub.unsubscribedAt) / 1000) : 0;
  if (sub.status === "unsubscribed" && unsubscribedAt >= issuedAt) {
    return { ok: false, reason: "superseded" };
  }
  const now = deps.clock();
  if (sub.pendingCases || sub.status !== "active") {
    const selection = sub.pendingCases ? sub.pendingCases.cases : sub.status === "active" ? sub.cases : null;
    await activateSubscriber(deps.db, sub.id, selection, now.toISOString());
  }
  const after = (await getSubscriber(deps.db, sub.id))!;
  const mt = await manageToken(
    await deps.getSecret(),
    sub.id,
    Math.floor(now.getTime() / 1000) + MANAGE_TTL_SECONDS,
  );
  return { ok: true, subscriber: after, manageToken: mt };
}

/** Checks a manage/unsubscribe link and returns its subscriber (changes nothing). */
export async function manageLink(
  deps: SubscriptionDeps,
  token: string | null | undefined,
): Promise<LinkResult<{ subscriber: Subscriber }>> {
  return linkSubscriber(deps, token, "manage");
}

/** Unsubscribes the link's subscriber at once (idempotent). */
export async function unsubscribe(
  deps: SubscriptionDeps,
  token: string | null | undefined,
): Promise<LinkResult<{ subscriber: Subscriber }>> {
  const found = await linkSubscriber(deps, token, "manage");
  if (!found.ok) return found;
  await unsubscribeSubscriber(deps.db, found.subscriber.id, deps.clock().toISOString());
  deps.logger.info("unsubscribed", { subscriber_id: found.subscriber.id });
  return { ok: true, subscriber: (await getSubscriber(deps.db, found.subscriber.id))! };
}

/**
 * Sets which cases the link's subscriber follows (null = all) and makes the subscription active: the link
 * proves control of the mailbox, so it also re-subscribes someone who had unsubscribed.
 */
export async function updateSelection(
  deps: SubscriptionDeps,
  token: string | null | undefined,
  rawCases: unknown,
): Promise<LinkResult<{ subscriber: Subscriber }>> {
  const found = await linkSubscriber(deps, token, "manage");
  if (!found.ok) return found;
  const selection = await parseCaseSelection(deps.db, rawCases);
  await activateSubscriber(deps.db, found.subscriber.id, selection, deps.clock().toISOString());
  return { ok: true, subscriber: (await getSubscriber(deps.db, found.subscriber.id))! };
}
