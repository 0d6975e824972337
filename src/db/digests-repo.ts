/**
 * Digest storage: the week's content read for the builder, the archive (one row per week) and the delivery
 * ledger whose rows are claimed with a lease, so that concurrent or repeated runs send each message once.
 */
import { and, desc, eq, lt, or, type SQL, sql } from "drizzle-orm";
import type {
  DigestArticleInput,
  DigestCandidateInput,
  DigestCaseInput,
} from "../domain/digest/digest-model";
import { type Db, runBatch } from "./database";
import { digestDeliveries, digests, subscribers } from "./schema";

/** Litigation articles whose date (`sort_at`: publication, else first seen) is in [start, end), with their cases. */
export async function loadWeekArticles(
  db: Db,
  startIso: string,
  endIso: string,
): Promise<DigestArticleInput[]> {
  const rows = await db.all<{
    id: number;
    url: string;
    title: string;
    summary: string;
    sourceName: string | null;
    date: string;
    caseIds: string | null;
  }>(sql`SELECT a.id AS id, a.url AS url, a.title AS title, a.summary AS summary, s.name AS sourceName,
      a.sort_at AS date, (SELECT group_concat(ac.case_id, char(31)) FROM article_cases ac WHERE ac.article_id = a.id) AS caseIds
    FROM articles a LEFT JOIN sources s ON s.id = a.source_id
    WHERE a.topic = 'ai-copyright-litigation' AND a.sort_at >= ${startIso} AND a.sort_at < ${endIso}
    ORDER BY a.sort_at, a.id`);
  return rows.map((r) => ({
    id: Number(r.id),
    url: r.url,
    title: r.title,
    summary: r.summary,
    sourceName: r.sourceName ?? "",
    date: r.date,
    caseIds: r.caseIds ? r.caseIds.split("\u001f") : [],
  }));
}

/** Every registry case with the facts the digest shows. */
export async function loadDigestCases(db: Db): Promise<DigestCaseInput[]> {
  return db.all<DigestCaseInput>(
    sql`SELECT id, caption, court, status, status_date AS statusDate, filed FROM cases ORDER BY id`,
  );
}

/** Candidates first seen in [start, end), each with its articles. */
export async function loadWeekCandidates(
  db: Db,
  startIso: string,
  endIso: string,
): Promise<DigestCandidateInput[]> {
  const rows = await db.all<{
    key: string;
    caption: string;
    firstSeenAt: string;
    id: number | null;
    url: string | null;
    title: string | null;
    sourceName: string | null;
    date: string | null;
  }>(sql`SELECT c.key AS key, c.caption AS caption, c.first_seen_at AS firstSeenAt, a.id AS id, a.url AS url,
      a.title AS title, s.name AS sourceName, a.sort_at AS date
    FROM candidates c
      LEFT JOIN candidate_articles ca ON ca.candidate_key = c.key
      LEFT JOIN articles a ON a.id = ca.article_id
      LEFT JOIN sources s ON s.id = a.source_id
    WHERE c.first_seen_at >= ${startIso} AND c.first_seen_at < ${endIso}
    ORDER BY c.key, a.sort_at, a.id`);
  const byKey = new Map<string, DigestCandidateInput>();
  for (const r of rows) {
    let c = byKey.get(r.key);
    if (!c) {
      c = { key: r.key, caption: r.caption, firstSeenAt: r.firstSeenAt, articles: [] };
      byKey.set(r.key, c);
    }
    if (r.id !== null && r.url && r.title) {
      c.articles.push({
        id: Number(r.id),
        url: r.url,
        title: r.title,
        sourceName: r.sourceName ?? "",
        date: r.date ?? "",
      });
    }
  }
  return [...byKey.values()];
}

/** An archived digest. */
export interface DigestRow {
  week: string;
  startsAt: string;
  endsAt: string;
  subject: string;
  model: string;
  html: string;
  text: string;
  caseCount: number;
  storyCount: number;
  candidateCount: number;
  status: "sending" | "complete";
  createdAt: string;
  updatedAt: string;
  completedAt: string | null;
}

/** What readers of an archived digest use: its model (JSON), subject and archive time. */
export type ArchivedDigest = Pick<DigestRow, "week" | "subject" | "model" | "createdAt">;

/** The archived digest of `week` (without its stored html/text renderings), or null. */
export async function getDigest(db: Db, week: string): Promise<ArchivedDigest | null> {
  const rows = await db
    .select({
      week: digests.week,
      subject: digests.subject,
      model: digests.model,
      createdAt: digests.createdAt,
    })
    .from(digests)
    .where(eq(digests.week, week))
    .limit(1);
  return rows[0] ?? null;
}

/** The whole stored row of `week`, stored renderings included (for reports and tests), or null. */
export async function getDigestRow(db: Db, week: string): Promise<DigestRow | null> {
  const rows = await db.select().from(digests).where(eq(digests.week, week)).limit(1);
  return rows[0] ?? null;
}

/** What a new digest row holds. */
export type NewDigest = Omit<DigestRow, "status" | "updatedAt" | "completedAt">;

/**
 * Archives a week's digest and snapshots its recipients (every active subscriber) into the ledger, atomically:
 * a digest row exists with recipients exactly once, whatever runs race or crash. A digest already stored
 * for the week is kept as it is.
 */
export async function createDigestWithRecipients(db: Db, d: NewDigest, nowIso: string): Promise<void> {
  await runBatch(db, [
    db
      .insert(digests)
      .values({ ...d, status: "sending", updatedAt: nowIso })
      .onConflictDoNothing(),
    db.run(sql`INSERT INTO digest_deliveries (week, subscriber_id, status, attempts, updated_at)
      SELECT ${d.week}, s.id, 'pending', 0, ${nowIso} FROM subscribers s
      WHERE s.status = 'active'
        AND EXISTS (SELECT 1 FROM digests d WHERE d.week = ${d.week} AND d.recipients_at IS NULL)
      ON CONFLICT DO NOTHING`),
    db
      .update(digests)
      .set({ recipientsAt: nowIso })
      .where(and(eq(digests.week, d.week), sql`${digests.recipientsAt} IS NULL`)),
  ]);
}

/** A ledger row ready to work on, with the subscriber's current state. */
export interface DueDelivery {
  subscriberId: number;
  attempts: number;
  email: string;
  subscriberStatus: "pending" | "active" | "unsubscribed";
  cases: string[] | null;
}

/**
 * The condition of a ledger row that may be attempted at `nowIso`: pending, a retry whose time has come, or
 * `sending` with an expired lease (its run died).
 */
function dueWhere(nowIso: string): SQL | undefined {
  return or(
    eq(digestDeliveries.status, "pending"),
    and(
      eq(digestDeliveries.status, "retry"),
      sql`coalesce(${digestDeliveries.nextAttemptAt}, '') <= ${nowIso}`,
    ),
    and(eq(digestDeliveries.status, "sending"), lt(digestDeliveries.leaseUntil, nowIso)),
  );
}

/**
 * Ledger rows of `week` that may be attempted at `nowIso`: pending, retry rows whose time has come, and
 * `sending` rows whose lease ran out (their run died); by subscriber id, after `afterId`.
 */
export async function dueDeliveries(
  db: Db,
  week: string,
  nowIso: string,
  limit: number,
  afterId = 0,
): Promise<DueDelivery[]> {
  const rows = await db
    .select({
      subscriberId: digestDeliveries.subscriberId,
      attempts: digestDeliveries.attempts,
      email: subscribers.email,
      subscriberStatus: subscribers.status,
      cases: subscribers.cases,
    })
    .from(digestDeliveries)
    .innerJoin(subscribers, eq(subscribers.id, digestDeliveries.subscriberId))
    .where(
      and(
        eq(digestDeliveries.week, week),
        sql`${digestDeliveries.subscriberId} > ${afterId}`,
        dueWhere(nowIso),
      ),
    )
    .orderBy(digestDeliveries.subscriberId)
    .limit(limit);
  return rows;
}

/**
 * Claims a due ledger row for one attempt (status `sending`, attempts + 1, lease until `leaseUntil`); returns
 * the new attempt number, or null when another run claimed it first or it is no longer due.
 */
export async function claimDelivery(
  db: Db,
  week: string,
  subscriberId: number,
  nowIso: string,
  leaseUntil: string,
): Promise<number | null> {
  const rows = await db
    .update(digestDeliveries)
    .set({
      status: "sending",
      attempts: sql`${digestDeliveries.attempts} + 1`,
      leaseUntil,
      updatedAt: nowIso,
    })
    .where(
      and(eq(digestDeliveries.week, week), eq(digestDeliveries.subscriberId, subscriberId), dueWhere(nowIso)),
    )
    .returning({ attempts: digestDeliveries.attempts });
  return rows[0]?.attempts ?? null;
}

/** The outcome of one claimed attempt. */
export type DeliveryOutcome =
  | { status: "sent"; messageId: string }
  | { status: "retry"; error: string; nextAttemptAt: string }
  | { status: "failed"; error: string }
  | { status: "skipped"; error: string };

/** Records the outcome of a claimed attempt and releases the lease. */
export async function finishDelivery(
  db: Db,
  week: string,
  subscriberId: number,
  outcome: DeliveryOutcome,
  nowIso: string,
): Promise<void> {
  const base = { status: outcome.status, leaseUntil: null, updatedAt: nowIso };
  const set =
    outcome.status === "sent"
      ? { ...base, messageId: outcome.messageId, error: null, nextAttemptAt: null, sentAt: nowIso }
      : outcome.status === "retry"
        ? { ...base, error: outcome.error, nextAttemptAt: outcome.nextAttemptAt }
        : { ...base, error: outcome.error, nextAttemptAt: null };
  await db
    .update(digestDeliveries)
    .set(set)
    .where(and(eq(digestDeliveries.week, week), eq(digestDeliveries.subscriberId, subscriberId)));
}

/** Ledger rows of `week` by status. */
export type DeliveryCounts = Record<"pending" | "sending" | "retry" | "sent" | "failed" | "skipped", number>;

/** Counts the ledger of `week` by status. */
export async function deliveryCounts(db: Db, week: string): Promise<DeliveryCounts> {
  const rows = await db
    .select({ status: digestDeliveries.status, n: sql<number>`count(*)` })
    .from(digestDeliveries)
    .where(eq(digestDeliveries.week, week))
    .groupBy(digestDeliveries.status);
  const counts: DeliveryCounts = { pending: 0, sending: 0, retry: 0, sent: 0, failed: 0, skipped: 0 };
  for (const r of rows) counts[r.status] = Number(r.n);
  return counts;
}

/** The earliest `next_attempt_at` of the week's retry rows, or null. */
export async function nextRetryAt(db: Db, week: string): Promise<string | null> {
  const rows = await db
    .select({ t: sql<string | null>`min(${digestDeliveries.nextAttemptAt})` })
    .from(digestDeliveries)
    .where(and(eq(digestDeliveries.week, week), eq(digestDeliveries.status, "retry")));
  return rows[0]?.t ?? null;
}

/** Marks a digest complete (every ledger row settled). */
export async function completeDigest(db: Db, week: string, nowIso: string): Promise<void> {
  await db
    .update(digests)
    .set({ status: "complete", completedAt: nowIso, updatedAt: nowIso })
    .where(and(eq(digests.week, week), eq(digests.status, "sending")));
}

/** An archive listing entry. */
export interface DigestSummary {
  week: string;
  subject: string;
  caseCount: number;
  storyCount: number;
  candidateCount: number;
  createdAt: string;
}

/** Archived digests with content, newest week first. */
export async function listDigests(db: Db, limit: number): Promise<DigestSummary[]> {
  return db
    .select({
      week: digests.week,
      subject: digests.subject,
      caseCount: digests.caseCount,
      storyCount: digests.storyCount,
      candidateCount: digests.candidateCount,
      createdAt: digests.createdAt,
    })
    .from(digests)
    .where(sql`${digests.caseCount} + ${digests.candidateCount} > 0`)
    .orderBy(desc(digests.week))
    .limit(limit);
}

/** Ledger rows of `week` (for reports and tests), by subscriber id. */
export async function listDeliveries(db: Db, week: string) {
  return db
    .select()
    .from(digestDeliveries)
    .where(eq(digestDeliveries.week, week))
    .orderBy(digestDeliveries.subscriberId);
}
