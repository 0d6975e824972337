/**
 * The weekly digest job: build (once) and archive a week's digest, snapshot its recipients into the delivery
 * ledger, then send each recipient their digest exactly once. Every ledger row is claimed with a lease
 * before its send and settled after it, so a second run sends nothing, a run after a crash resumes where the
 * first stopped, and concurrent runs never send the same row twice. Transient failures are retried with
 * backoff (inside the run while the wait is short, else by a later run); permanent ones are recorded.
 *
 * The one window no ledger can close: a crash after the transport accepted a message but before its row was
 * settled. After the lease runs out that row is sent again with the same Message-ID and idempotency key,
 * which an HTTP API (Idempotency-Key, 24 h) and most mailbox providers (Message-ID) drop as a duplicate.
 */
import type { Config } from "../config";
import type { Db } from "../db/database";
import {
  claimDelivery,
  completeDigest,
  createDigestWithRecipients,
  type DeliveryCounts,
  type DeliveryOutcome,
  deliveryCounts,
  dueDeliveries,
  finishDelivery,
  getDigest,
  loadDigestCases,
  loadWeekArticles,
  loadWeekCandidates,
  nextRetryAt,
} from "../db/digests-repo";
import { buildDigest, digestForSubscriber, isEmptyDigest, storyCount } from "../domain/digest/build-digest";
import type { DigestModel } from "../domain/digest/digest-model";
import { isIsoWeek, previousWeek, weekHasEnded, weekRange } from "../domain/digest/iso-week";
import { digestSubject } from "../domain/digest/subject";
import { AppError, errorMessage } from "../domain/errors";
import type { Logger } from "../domain/log";
import { sanitizeSubject } from "../mail/headers";
import { isTransientMailError, type Mailer } from "../mail/mailer";
import { renderDigestHtml } from "../render/digest-html";
import { renderDigestText } from "../render/digest-text";
import { composeDigestMessage } from "./digest-message";
import { ensureSecret } from "./secret";

/** What the job needs. */
export interface DigestJobDeps {
  db: Db;
  /** null = mail is off: the digest is built and archived, nothing is sent. */
  mailer: Mailer | null;
  config: Config;
  logger: Logger;
  clock: () => Date;
  /** The HMAC key; defaults to ensureSecret(db, config.secret). */
  getSecret?: () => Promise<string>;
  /** Waits between retry passes; defaults to setTimeout. */
  sleep?: (ms: number) => Promise<void>;
}

/** Options of one run. */
export interface DigestJobOptions {
  /** ISO week; default: the week that ended before `clock()`. */
  week?: string;
  /** Build and render only: nothing is stored or sent. */
  dryRun?: boolean;
  /** Stop after this many sends (Workers subrequest budgets); the next run continues. 0 = no limit. */
  maxSends?: number;
  /** Longest total wait for in-run retries (default 3 minutes); later retries are left to the next run. */
  maxRetryWaitMs?: number;
}

/** Attempts per recipient before a transient failure is recorded as failed. */
export const MAX_ATTEMPTS = 5;
/** How long a claimed row belongs to the run that claimed it. */
export const LEASE_MS = 10 * 60 * 1000;
/** Consecutive transient failures after which the run stops (the transport is down). */
export const BREAKER_THRESHOLD = 5;
const PAGE = 50;

/** Delay before attempt `attempt + 1`: 30 s, 2 min, 8 min, 32 min, capped at 1 h. */
export function deliveryBackoffMs(attempt: number): number {
  return Math.min(30_000 * 4 ** Math.max(0, attempt - 1), 3_600_000);
}

/** What a run did. */
export interface DigestReport {
  week: string;
  subject: string;
  /** This run built and archived the digest (false: it existed already, or dry run). */
  created: boolean;
  dryRun: boolean;
  /** The transport used, or "off". */
  mail: string;
  cases: number;
  stories: number;
  candidates: number;
  /** Messages this run sent. */
  sentNow: number;
  /** The week's ledger after the run. */
  deliveries: DeliveryCounts;
  /** Every ledger row is settled (sent, failed or skipped). */
  complete: boolean;
  /** Why the run stopped early, if it did. */
  stopped?: string;
  /** The rendered text part (dry run). */
  text?: string;
}

const EMPTY_COUNTS: DeliveryCounts = { pending: 0, sending: 0, retry: 0, sent: 0, failed: 0, skipped: 0 };

async function buildModel(db: Db, week: string): Promise<DigestModel> {
  const { start, end } = weekRange(week);
  const [articles, cases, candidates] = await Promise.all([
    loadWeekArticles(db, start.toISOString(), end.toISOString()),
    loadDigestCases(db),
    loadWeekCandidates(db, start.toISOString(), end.toISOString()),
  ]);
  return buildDigest({ week, articles, cases, candidates });
}

/** Runs the digest of one week (see the module comment); throws AppError 400 for a bad or unfinished week. */
export async function runWeeklyDigest(
  deps: DigestJobDeps,
  opts: DigestJobOptions = {},
): Promise<DigestReport> {
  const { db, config, logger } = deps;
  const started = deps.clock();
  const week = opts.week ?? previousWeek(started);
  if (!isIsoWeek(week)) throw new AppError(400, "Bad week", `not an ISO week (YYYY-Www): ${week}`);
  if (!weekHasEnded(week, started)) {
    throw new AppError(
      400,
      "Bad week",
      `week ${week} has not ended yet (ends ${weekRange(week).end.toISOString()})`,
    );
  }
  const base = config.publicUrl;
  let row = await getDigest(db, week);
  let created = false;
  if (!row) {
    const model = await buildModel(db, week);
    if (opts.dryRun) return dryRunReport(model, base, deps.mailer);
    const nowIso = started.toISOString();
    await createDigestWithRecipients(
      db,
      {
        week,
        startsAt: model.start,
        endsAt: model.end,
        subject: sanitizeSubject(digestSubject(model)),
        model: JSON.stringify(model),
        html: renderDigestHtml(model, { base }, { followedCases: null }),
        text: renderDigestText(model, { base }, { followedCases: null }),
        caseCount: model.cases.length,
        storyCount: storyCount(model),
        candidateCount: model.candidates.length,
        createdAt: nowIso,
      },
      nowIso,
    );
    row = (await getDigest(db, week))!;
    created = row.createdAt === nowIso;
    if (created)
      logger.info("digest archived", {
        week,
        cases: model.cases.length,
        candidates: model.candidates.length,
      });
  }
  const model = JSON.parse(row.model) as DigestModel;
  if (opts.dryRun) return dryRunReport(model, base, deps.mailer);

  const report: DigestReport = {
    week,
    subject: row.subject,
    created,
    dryRun: false,
    mail: deps.mailer ? deps.mailer.kind : "off",
    cases: model.cases.length,
    stories: storyCount(model),
    candidates: model.candidates.length,
    sentNow: 0,
    deliveries: EMPTY_COUNTS,
    complete: false,
  };
  if (!deps.mailer) {
    logger.warn("mail is off (no SMTP_URL or EMAIL_API_URL/EMAIL_API_KEY): digest archived, nothing sent", {
      week,
    });
    report.stopped = "mail is off";
  } else {
    await sendAll(deps, deps.mailer, model, new Date(row.createdAt), opts, report);
  }
  report.deliveries = await deliveryCounts(db, week);
  const d = report.deliveries;
  report.complete = d.pending + d.sending + d.retry === 0;
  if (report.complete) await completeDigest(db, week, deps.clock().toISOString());
  logger.info("digest run finished", { week, sent_now: report.sentNow, ...d, complete: report.complete });
  return report;
}

function dryRunReport(model: DigestModel, base: string, mailer: Mailer | null): DigestReport {
  return {
    week: model.week,
    subject: sanitizeSubject(digestSubject(model)),
    created: false,
    dryRun: true,
    mail: mailer ? mailer.kind : "off",
    cases: model.cases.length,
    stories: storyCount(model),
    candidates: model.candidates.length,
    sentNow: 0,
    deliveries: EMPTY_COUNTS,
    complete: false,
    text: renderDigestText(model, { base }, { followedCases: null }),
  };
}

async function sendAll(
  deps: DigestJobDeps,
  mailer: Mailer,
  model: DigestModel,
  date: Date,
  opts: DigestJobOptions,
  report: DigestReport,
): Promise<void> {
  const { db, logger, clock } = deps;
  const secret = await (deps.getSecret ? deps.getSecret() : ensureSecret(db, deps.config.secret));
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const waitUntil = clock().getTime() + (opts.maxRetryWaitMs ?? 180_000);
  const maxSends = opts.maxSends ?? 0;
  let consecutiveTransient = 0;
  for (;;) {
    let after = 0;
    for (;;) {
      const due = await dueDeliveries(db, model.week, clock().toISOString(), PAGE, after);
      if (due.length === 0) break;
      for (const d of due) {
        after = d.subscriberId;
        if (maxSends > 0 && report.sentNow >= maxSends) {
          report.stopped = `send budget of ${maxSends} reached`;
          return;
        }
        const t = clock();
        const attempt = await claimDelivery(
          db,
          model.week,
          d.subscriberId,
          t.toISOString(),
          new Date(t.getTime() + LEASE_MS).toISOString(),
        );
        if (attempt === null) continue;
        const { outcome, transient } = await deliverOne(deps, mailer, model, date, secret, d, attempt);
        await finishDelivery(db, model.week, d.subscriberId, outcome, clock().toISOString());
        if (outcome.status === "sent") {
          report.sentNow++;
          consecutiveTransient = 0;
        } else if (transient) {
          consecutiveTransient++;
          logger.warn("digest delivery failed", {
            week: model.week,
            subscriber_id: d.subscriberId,
            attempt,
            error: outcome.error,
          });
          if (consecutiveTransient >= BREAKER_THRESHOLD) {
            report.stopped = `${consecutiveTransient} transient failures in a row: the transport looks down`;
            return;
          }
        } else if (outcome.status === "failed") {
          logger.warn("digest delivery failed permanently", {
            week: model.week,
            subscriber_id: d.subscriberId,
            error: outcome.error,
          });
        }
      }
    }
    const next = await nextRetryAt(db, model.week);
    if (!next) return;
    const at = Date.parse(next);
    if (at > waitUntil) {
      report.stopped = `retries due from ${next} are left to a later run`;
      return;
    }
    await sleep(Math.max(0, at - clock().getTime()));
  }
}

async function deliverOne(
  deps: DigestJobDeps,
  mailer: Mailer,
  model: DigestModel,
  date: Date,
  secret: string,
  d: { subscriberId: number; email: string; subscriberStatus: string; cases: string[] | null },
  attempt: number,
): Promise<{ outcome: DeliveryOutcome; transient: boolean }> {
  const settled = (outcome: DeliveryOutcome) => ({ outcome, transient: false });
  if (d.subscriberStatus !== "active") return settled({ status: "skipped", error: "unsubscribed" });
  const personal = digestForSubscriber(model, d.cases);
  if (isEmptyDigest(personal))
    return settled({ status: "skipped", error: "nothing this week for the followed cases" });
  try {
    const msg = await composeDigestMessage({
      model: personal,
      recipient: { subscriberId: d.subscriberId, email: d.email, cases: d.cases },
      config: deps.config,
      secret,
      date,
    });
    const sent = await mailer.send(msg);
    return settled({ status: "sent", messageId: sent.messageId });
  } catch (err) {
    const message = errorMessage(err).slice(0, 500);
    if (!isTransientMailError(err)) return settled({ status: "failed", error: `permanent: ${message}` });
    // Transient failures count towards the breaker whether they are retried or given up on.
    if (attempt >= MAX_ATTEMPTS) {
      const error = `transient, gave up after ${attempt} attempts: ${message}`;
      return { outcome: { status: "failed", error }, transient: true };
    }
    const nextAttemptAt = new Date(deps.clock().getTime() + deliveryBackoffMs(attempt)).toISOString();
    return { outcome: { status: "retry", error: `transient: ${message}`, nextAttemptAt }, transient: true };
  }
}
