/** Subscribers: creation, the confirmation-email rate limit, confirm, case selection and unsubscribe. */
import { and, eq, inArray, or, sql } from "drizzle-orm";
import { chunk, type Db } from "./database";
import { cases, subscribers } from "./schema";

/** A subscriber row. */
export interface Subscriber {
  id: number;
  email: string;
  status: "pending" | "active" | "unsubscribed";
  /** Followed case ids; null = all cases. */
  cases: string[] | null;
  pendingCases: { cases: string[] | null } | null;
  createdAt: string;
  confirmedAt: string | null;
  unsubscribedAt: string | null;
}

const COLUMNS = {
  id: subscribers.id,
  email: subscribers.email,
  status: subscribers.status,
  cases: subscribers.cases,
  pendingCases: subscribers.pendingCases,
  createdAt: subscribers.createdAt,
  confirmedAt: subscribers.confirmedAt,
  unsubscribedAt: subscribers.unsubscribedAt,
};

/** The subscriber with this id, or null. */
export async function getSubscriber(db: Db, id: number): Promise<Subscriber | null> {
  const rows = await db.select(COLUMNS).from(subscribers).where(eq(subscribers.id, id)).limit(1);
  return rows[0] ?? null;
}

/** The subscriber with this (normalised) address, or null. */
export async function findSubscriberByEmail(db: Db, email: string): Promise<Subscriber | null> {
  const rows = await db.select(COLUMNS).from(subscribers).where(eq(subscribers.email, email)).limit(1);
  return rows[0] ?? null;
}

/** The subscriber for `email`, created as `pending` when the address is new. */
export async function ensureSubscriber(db: Db, email: string, nowIso: string): Promise<Subscriber> {
  await db
    .insert(subscribers)
    .values({ email, status: "pending", createdAt: nowIso, updatedAt: nowIso })
    .onConflictDoNothing();
  const row = await findSubscriberByEmail(db, email);
  if (!row) throw new Error("subscriber vanished after insert");
  return row;
}

/**
 * Takes one confirmation-email slot for `id` on the UTC day `day` (at most `maxPerDay` per day) and, when it
 * gets one, records `pendingCases` as the selection to apply on confirm. One atomic statement: two
 * concurrent requests can never both take the last slot. Returns whether a slot was taken.
 */
export async function takeConfirmationSlot(
  db: Db,
  id: number,
  opts: { day: string; maxPerDay: number; pendingCases: string[] | null; nowIso: string },
): Promise<boolean> {
  const rows = await db
    .update(subscribers)
    .set({
      confirmCount: sql`CASE WHEN ${subscribers.confirmDay} = ${opts.day} THEN ${subscribers.confirmCount} + 1 ELSE 1 END`,
      confirmDay: opts.day,
      pendingCases: { cases: opts.pendingCases },
      updatedAt: opts.nowIso,
    })
    .where(
      and(
        eq(subscribers.id, id),
        or(
          sql`${subscribers.confirmDay} IS NULL`,
          sql`${subscribers.confirmDay} <> ${opts.day}`,
          sql`${subscribers.confirmCount} < ${opts.maxPerDay}`,
        ),
      ),
    )
    .returning({ id: subscribers.id });
  return rows.length > 0;
}

/** Activates a subscription with the given selection (null = all cases) and clears the pending selection. */
export async function activateSubscriber(
  db: Db,
  id: number,
  selection: string[] | null,
  nowIso: string,
): Promise<void> {
  await db
    .update(subscribers)
    .set({ status: "active", cases: selection, pendingCases: null, confirmedAt: nowIso, updatedAt: nowIso })
    .where(eq(subscribers.id, id));
}

/** Marks a subscriber unsubscribed (idempotent: the first unsubscribe time is kept). */
export async function unsubscribeSubscriber(db: Db, id: number, nowIso: string): Promise<void> {
  await db
    .update(subscribers)
    .set({
      status: "unsubscribed",
      unsubscribedAt: sql`CASE WHEN ${subscribers.status} = 'unsubscribed' THEN ${subscribers.unsubscribedAt} ELSE ${nowIso} END`,
      pendingCases: null,
      updatedAt: nowIso,
    })
    .where(eq(subscribers.id, id));
}

/** Which of `ids` are registry case ids. */
export async function knownCaseIds(db: Db, ids: readonly string[]): Promise<Set<string>> {
  const known = new Set<string>();
  for (const part of chunk([...new Set(ids)], 90)) {
    const rows = await db.select({ id: cases.id }).from(cases).where(inArray(cases.id, part));
    for (const r of rows) known.add(r.id);
  }
  return known;
}

/** Every case as id and caption, by caption (for selection forms). */
export async function caseChoices(db: Db): Promise<{ id: string; caption: string }[]> {
  return db
    .select({ id: cases.id, caption: cases.caption })
    .from(cases)
    .orderBy(sql`${cases.caption} COLLATE NOCASE`, cases.id);
}
