/** Delay after the first consecutive failure of a source. */
const BACKOFF_BASE_MS = 30 * 60 * 1000;
/** Longest delay between attempts, however many failures. */
export const BACKOFF_MAX_MS = 24 * 60 * 60 * 1000;

/**
 * Per-source retry delay after `consecutiveFailures` failures in a row: 0 for none, then 30 min,
 * doubling each time (1 h, 2 h, 4 h, ...) up to 24 h. Pure and deterministic (no jitter).
 */
export function backoffMs(consecutiveFailures: number): number {
  if (Number.isNaN(consecutiveFailures) || consecutiveFailures < 1) return 0;
  const doublings = Math.min(Math.floor(consecutiveFailures) - 1, 30);
  return Math.min(BACKOFF_BASE_MS * 2 ** doublings, BACKOFF_MAX_MS);
}
