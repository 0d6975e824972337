/** Golden files of the digest renderings (test/fixtures/digest/): exact comparison, UPDATE_GOLDEN=1 rewrites. */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { expect } from "vitest";
import { buildDigest } from "../../src/domain/digest/build-digest";
import type { DigestLinks, DigestModel } from "../../src/domain/digest/digest-model";
import { FIXTURE_BASE, fixtureInput } from "../helpers/digest-fixture";

const DIR = new URL("../fixtures/digest/", import.meta.url);

/** Compares `actual` with test/fixtures/digest/<name> byte for byte (UPDATE_GOLDEN=1 rewrites it). */
export function expectDigestGolden(name: string, actual: string): void {
  const file = new URL(name, DIR);
  if (process.env.UPDATE_GOLDEN === "1") {
    writeFileSync(file, actual);
    return;
  }
  expect(existsSync(file), `golden ${name} is missing: run with UPDATE_GOLDEN=1`).toBe(true);
  expect(actual).toBe(readFileSync(file, "utf8"));
}

/** The fixture week's model. */
export function fixtureModel(): DigestModel {
  return buildDigest(fixtureInput());
}

/** Personal links as a recipient's copy has them. */
export const PERSONAL_LINKS: DigestLinks = {
  base: FIXTURE_BASE,
  manageUrl: `${FIXTURE_BASE}/subscriptions/manage?token=TOKEN.SIG`,
  unsubscribeUrl: `${FIXTURE_BASE}/subscriptions/unsubscribe?token=TOKEN.SIG`,
};
