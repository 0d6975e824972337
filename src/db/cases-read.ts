/** Read-side queries for cases: the registry facts with coverage counts. */
import { eq, sql } from "drizzle-orm";
import type { CaseDef } from "../domain/types";
import type { Db } from "./database";
import { cases } from "./schema";

/** A case as listed: headline facts plus how much coverage it has. */
export interface CaseSummary {
  id: string;
  caption: string;
  court: string;
  docket: string;
  judge: string;
  status: string;
  statusDate: string | null;
  articleCount: number;
  /** `sort_at` of its newest article (ISO), or null. */
  latestArticleAt: string | null;
}

/** A case with every registry fact (parsed from the stored registry object). */
export interface CaseDetail extends CaseSummary {
  facts: CaseDef;
}

interface SummaryRow {
  id: string;
  caption: string;
  court: string;
  docket: string;
  judge: string;
  status: string;
  statusDate: string | null;
  n: number | null;
  latest: string | null;
}

function toSummary(r: SummaryRow): CaseSummary {
  return {
    id: r.id,
    caption: r.caption,
    court: r.court,
    docket: r.docket,
    judge: r.judge,
    status: r.status,
    statusDate: r.statusDate,
    articleCount: Number(r.n ?? 0),
    latestArticleAt: r.latest ?? null,
  };
}

const SUMMARY_COLUMNS = sql`c.id AS id, c.caption AS caption, c.court AS court, c.docket AS docket,
  c.judge AS judge, c.status AS status, c.status_date AS statusDate,
  (SELECT count(*) FROM article_cases ac WHERE ac.case_id = c.id) AS n,
  (SELECT max(a.sort_at) FROM article_cases ac JOIN articles a ON a.id = ac.article_id WHERE ac.case_id = c.id) AS latest`;

/** Every case, those with the most recent coverage first (cases without coverage last, by caption). */
export async function listCaseSummaries(db: Db): Promise<CaseSummary[]> {
  const rows = await db.all<SummaryRow>(
    sql`SELECT ${SUMMARY_COLUMNS} FROM cases c ORDER BY latest IS NULL, latest DESC, c.caption COLLATE NOCASE, c.id`,
  );
  return rows.map(toSummary);
}

/** One case with its full registry object, or null when the id is unknown. */
export async function getCaseDetail(db: Db, id: string): Promise<CaseDetail | null> {
  const rows = await db.all<SummaryRow & { data: string }>(
    sql`SELECT ${SUMMARY_COLUMNS}, c.data AS data FROM cases c WHERE c.id = ${id}`,
  );
  const row = rows[0];
  if (!row) return null;
  let facts: CaseDef;
  try {
    facts = JSON.parse(row.data) as CaseDef;
  } catch {
    facts = {} as CaseDef;
  }
  return { ...toSummary(row), facts };
}

/** Caption of every case, by id (small: the registry has tens of cases). */
export async function caseCaptions(db: Db): Promise<Map<string, string>> {
  const rows = await db.select({ id: cases.id, caption: cases.caption }).from(cases);
  return new Map(rows.map((r) => [r.id, r.caption]));
}

/** Whether a case id is in the registry. */
export async function caseExists(db: Db, id: string): Promise<boolean> {
  const rows = await db.select({ id: cases.id }).from(cases).where(eq(cases.id, id)).limit(1);
  return rows.length > 0;
}
