/** Configuration: parse and validate environment-style variables into a typed Config (pure; no process.env). */
import { z } from "zod";
import { AppError } from "./domain/errors";
import { DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_MS } from "./ingest/fetch-resource";

/** The version sent in the default User-Agent. */
export const VERSION = "0.1.0";

const intVar = (name: string, def: number, min: number, max: number) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === "") return def;
      const n = Number(v);
      if (!Number.isInteger(n) || n < min || n > max) {
        ctx.addIssue({ code: "custom", message: `${name} must be an integer between ${min} and ${max}` });
        return z.NEVER;
      }
      return n;
    });

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim()));

const urlVar = (name: string, def?: string) =>
  optionalString.transform((v, ctx) => {
    const value = v ?? def;
    if (value === undefined) return undefined;
    try {
      const u = new URL(value);
      if (u.protocol !== "http:" && u.protocol !== "https:") throw new Error("scheme");
      return value.replace(/\/+$/, "");
    } catch {
      ctx.addIssue({ code: "custom", message: `${name} must be an http(s) URL` });
      return z.NEVER;
    }
  });

const schema = z.object({
  DATABASE_URL: optionalString.transform((v) => v ?? "file:data/casewire.db"),
  DATABASE_AUTH_TOKEN: optionalString,
  PORT: intVar("PORT", 8787, 0, 65535),
  PUBLIC_URL: urlVar("PUBLIC_URL", "http://localhost:8787"),
  SOURCES_FILE: optionalString,
  INGEST_CRON: optionalString.transform((v) => v ?? "*/30 * * * *"),
  DIGEST_CRON: optionalString.transform((v) => v ?? "0 8 * * 1"),
  ADMIN_TOKEN: optionalString,
  SECRET: optionalString,
  SMTP_URL: optionalString,
  EMAIL_API_URL: urlVar("EMAIL_API_URL"),
  EMAIL_API_KEY: optionalString,
  EMAIL_FROM: optionalString.transform((v) => v ?? "casewire <digest@localhost>"),
  USER_AGENT: optionalString,
  FETCH_TIMEOUT_MS: intVar("FETCH_TIMEOUT_MS", DEFAULT_TIMEOUT_MS, 100, 600_000),
  FETCH_MAX_BYTES: intVar("FETCH_MAX_BYTES", DEFAULT_MAX_BYTES, 1024, 512 * 1024 * 1024),
  FETCH_ALLOW_HOSTS: optionalString.transform((v) =>
    (v ?? "")
      .split(",")
      .map((h) => h.trim().toLowerCase())
      .filter(Boolean),
  ),
  INGEST_MAX_SOURCES: intVar("INGEST_MAX_SOURCES", 0, 0, 10_000),
  INGEST_BUDGET_MS: intVar("INGEST_BUDGET_MS", 0, 0, 3_600_000),
  INGEST_MAX_SUBREQUESTS: intVar("INGEST_MAX_SUBREQUESTS", 0, 0, 100_000),
});

/** The validated configuration every runtime builds from its environment. */
export interface Config {
  databaseUrl: string;
  databaseAuthToken: string | undefined;
  port: number;
  publicUrl: string;
  sourcesFile: string | undefined;
  ingestCron: string;
  digestCron: string;
  adminToken: string | undefined;
  secret: string | undefined;
  smtpUrl: string | undefined;
  emailApiUrl: string | undefined;
  emailApiKey: string | undefined;
  emailFrom: string;
  userAgent: string;
  fetchTimeoutMs: number;
  fetchMaxBytes: number;
  fetchAllowHosts: string[];
  /** Per-cycle budget (0 = unlimited): sources started, wall time, subrequests. */
  ingestBudget: { maxSources: number; deadlineMs: number; maxSubrequests: number };
}

/** Parses environment-style variables into a Config, or throws an AppError listing every bad variable. */
export function parseConfig(vars: Record<string, string | undefined>): Config {
  const result = schema.safeParse(vars);
  if (!result.success) {
    const detail = result.error.issues.map((i) => i.message || String(i.path[0])).join("; ");
    throw new AppError(500, "Invalid configuration", detail);
  }
  const v = result.data;
  const publicUrl = v.PUBLIC_URL ?? "http://localhost:8787";
  return {
    databaseUrl: v.DATABASE_URL,
    databaseAuthToken: v.DATABASE_AUTH_TOKEN,
    port: v.PORT,
    publicUrl,
    sourcesFile: v.SOURCES_FILE,
    ingestCron: v.INGEST_CRON,
    digestCron: v.DIGEST_CRON,
    adminToken: v.ADMIN_TOKEN,
    secret: v.SECRET,
    smtpUrl: v.SMTP_URL,
    emailApiUrl: v.EMAIL_API_URL,
    emailApiKey: v.EMAIL_API_KEY,
    emailFrom: v.EMAIL_FROM,
    userAgent: v.USER_AGENT ?? `casewire/${VERSION} (+${publicUrl})`,
    fetchTimeoutMs: v.FETCH_TIMEOUT_MS,
    fetchMaxBytes: v.FETCH_MAX_BYTES,
    fetchAllowHosts: v.FETCH_ALLOW_HOSTS,
    ingestBudget: {
      maxSources: v.INGEST_MAX_SOURCES,
      deadlineMs: v.INGEST_BUDGET_MS,
      maxSubrequests: v.INGEST_MAX_SUBREQUESTS,
    },
  };
}
