import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readDataVersion } from "../../src/db/data-version";
import {
  claimDelivery,
  createDigestWithRecipients,
  dueDeliveries,
  finishDelivery,
  getDigest,
  getDigestRow,
  type NewDigest,
} from "../../src/db/digests-repo";
import { subscribers } from "../../src/db/schema";
import { type DigestWorld, digestWorld } from "../helpers/digest-world";

const WEEK = "2026-W48";
const T0 = "2026-11-30T08:00:00.000Z";

function digest(week: string, createdAt: string): NewDigest {
  return {
    week,
    startsAt: "2026-11-23T00:00:00.000Z",
    endsAt: "2026-11-30T00:00:00.000Z",
    subject: `Digest ${week}`,
    model: '{"cases":[]}',
    html: "<p>stored html</p>",
    text: "stored text",
    caseCount: 1,
    storyCount: 2,
    candidateCount: 0,
    createdAt,
  };
}

let world: DigestWorld;
beforeEach(async () => {
  world = await digestWorld([]);
});
afterEach(() => world.close());

describe("digests-repo", () => {
  it("getDigest reads only what readers use; getDigestRow reads the whole row", async () => {
    expect(await getDigest(world.db, WEEK)).toBeNull();
    await createDigestWithRecipients(world.db, digest(WEEK, T0), T0);
    expect(await getDigest(world.db, WEEK)).toEqual({
      week: WEEK,
      subject: `Digest ${WEEK}`,
      model: '{"cases":[]}',
      createdAt: T0,
    });
    expect(await getDigestRow(world.db, WEEK)).toMatchObject({
      html: "<p>stored html</p>",
      status: "sending",
    });
  });

  it("moves the data version and its Last-Modified when a digest is archived", async () => {
    const before = await readDataVersion(world.db);
    await createDigestWithRecipients(world.db, digest(WEEK, T0), T0);
    const after = await readDataVersion(world.db);
    expect(after.token).not.toBe(before.token);
    expect(after.lastModified).toBe(T0);
    expect((await readDataVersion(world.db)).token).toBe(after.token);
    await createDigestWithRecipients(world.db, digest("2026-W49", "2026-12-07T08:00:00.000Z"), T0);
    const later = await readDataVersion(world.db);
    expect(later.token).not.toBe(after.token);
    expect(later.lastModified).toBe("2026-12-07T08:00:00.000Z");
  });

  it("treats pending, due retries and expired leases as due, in listing and claiming alike", async () => {
    const ids: number[] = [];
    for (const email of ["a@example.com", "b@example.com", "c@example.com", "d@example.com"]) {
      const rows = await world.db
        .insert(subscribers)
        .values({ email, status: "active", cases: null, createdAt: T0, updatedAt: T0, confirmedAt: T0 })
        .returning({ id: subscribers.id });
      ids.push(rows[0]!.id);
    }
    const [a, b, c, d] = ids as [number, number, number, number];
    await createDigestWithRecipients(world.db, digest(WEEK, T0), T0);
    const lease = "2026-11-30T08:10:00.000Z";
    // b: retry due at 08:05; c: claimed with a lease to 08:10; d: retry due at 09:00.
    expect(await claimDelivery(world.db, WEEK, b, T0, lease)).toBe(1);
    await finishDelivery(
      world.db,
      WEEK,
      b,
      { status: "retry", error: "busy", nextAttemptAt: "2026-11-30T08:05:00.000Z" },
      T0,
    );
    expect(await claimDelivery(world.db, WEEK, c, T0, lease)).toBe(1);
    expect(await claimDelivery(world.db, WEEK, d, T0, lease)).toBe(1);
    await finishDelivery(
      world.db,
      WEEK,
      d,
      { status: "retry", error: "busy", nextAttemptAt: "2026-11-30T09:00:00.000Z" },
      T0,
    );
    const dueAt = async (iso: string) =>
      (await dueDeliveries(world.db, WEEK, iso, 10)).map((r) => r.subscriberId);
    expect(await dueAt("2026-11-30T08:01:00.000Z")).toEqual([a]);
    expect(await dueAt("2026-11-30T08:06:00.000Z")).toEqual([a, b]);
    expect(await dueAt("2026-11-30T08:11:00.000Z")).toEqual([a, b, c]);
    // Claiming follows the same rule: c's lease holds at 08:06, d is not due yet.
    expect(await claimDelivery(world.db, WEEK, c, "2026-11-30T08:06:00.000Z", lease)).toBeNull();
    expect(await claimDelivery(world.db, WEEK, d, "2026-11-30T08:06:00.000Z", lease)).toBeNull();
    expect(await claimDelivery(world.db, WEEK, b, "2026-11-30T08:06:00.000Z", lease)).toBe(2);
    expect(await claimDelivery(world.db, WEEK, c, "2026-11-30T08:11:00.000Z", lease)).toBe(2);
  });
});
