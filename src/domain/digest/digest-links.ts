/** Absolute links the digest renderings point to, built from PUBLIC_URL. */

/** The case page. */
export function digestCaseUrl(base: string, caseId: string): string {
  return `${base}/cases/${encodeURIComponent(caseId)}`;
}

/** The case's RSS feed. */
export function digestCaseFeedUrl(base: string, caseId: string): string {
  return `${base}/feeds/cases/${encodeURIComponent(caseId)}.rss`;
}

/** The archived digest of a week as a web page. */
export function digestArchiveUrl(base: string, week: string): string {
  return `${base}/digests/${encodeURIComponent(week)}`;
}

const SHORT_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** `24 Nov` from an ISO date (UTC); "" when unparseable. */
export function shortDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return "";
  return `${Number(m[3])} ${SHORT_MONTHS[Number(m[2]) - 1] ?? ""}`.trim();
}

/** `3 cases`, `1 story`: a count with its noun. */
export function countOf(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
