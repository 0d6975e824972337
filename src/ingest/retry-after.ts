import { parseFeedDate } from "../domain/dates";

/**
 * Turns a `Retry-After` header (delay in seconds, or an HTTP-date) into a delay in ms from `nowMs`;
 * undefined when absent or unparseable, 0 when the date is already past.
 */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined {
  if (value == null) return undefined;
  const v = value.trim();
  if (v === "") return undefined;
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const iso = parseFeedDate(v);
  if (iso === null) return undefined;
  return Math.max(0, Date.parse(iso) - nowMs);
}
