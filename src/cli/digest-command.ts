/** `casewire digest [--week YYYY-Www] [--dry-run]`: build (and unless dry-run, send) a week's digest. */
import { countOf } from "../domain/digest/digest-links";
import { type DigestJobDeps, type DigestReport, runWeeklyDigest } from "../jobs/weekly-digest";

/** What the command needs: the job's dependencies and a stdout writer. */
export interface DigestCommandDeps extends DigestJobDeps {
  write: (text: string) => void;
}

/** Exit code when deliveries are left for a later run (sysexits EX_TEMPFAIL). */
export const EXIT_INCOMPLETE = 75;

/** One summary line of a sending run. */
export function formatDigestReport(r: DigestReport): string {
  const d = r.deliveries;
  const counts = [
    countOf(r.cases, "case", "cases"),
    countOf(r.stories, "story", "stories"),
    countOf(r.candidates, "new lawsuit spotted", "new lawsuits spotted"),
  ].join(", ");
  const head = `digest ${r.week}: ${counts}${r.created ? " (archived now)" : ""}`;
  if (r.mail === "off")
    return `${head}; mail is off (set SMTP_URL or EMAIL_API_URL and EMAIL_API_KEY): nothing sent`;
  const ledger = `${d.sent} sent, ${d.skipped} skipped, ${d.failed} failed, ${d.pending + d.retry + d.sending} waiting`;
  const tail = r.complete
    ? "complete"
    : `incomplete${r.stopped ? ` (${r.stopped})` : ""}; run again to resume`;
  return `${head}; sent ${r.sentNow} now via ${r.mail}; ledger: ${ledger}; ${tail}`;
}

/**
 * Runs the command and returns the exit code: 0 when the week is done (or mail is off, or a dry run), 75 when
 * deliveries are left for a later run. `--dry-run` prints the subject and the rendered text part and changes
 * nothing. Bad weeks throw an AppError (the CLI prints it and exits non-zero).
 */
export async function runDigestCommand(
  deps: DigestCommandDeps,
  opts: { week?: string; dryRun?: boolean },
): Promise<number> {
  const report = await runWeeklyDigest(deps, opts);
  if (report.dryRun) {
    deps.write(`Subject: ${report.subject}\n\n${report.text ?? ""}`);
    return 0;
  }
  deps.write(`${formatDigestReport(report)}\n`);
  return report.complete || report.mail === "off" ? 0 : EXIT_INCOMPLETE;
}
