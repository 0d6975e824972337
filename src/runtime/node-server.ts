/** The long-running Node server: migrations, seed, HTTP, and the cron scheduler (first ingest at boot). */
import { createServer } from "node:http";
import { Cron } from "croner";
import type { Config } from "../config";
import { errorMessage } from "../domain/errors";
import type { Logger } from "../domain/log";
import type { SourceDef } from "../domain/types";
import { createApp } from "../http/app";
import type { FetchDeps } from "../ingest/fetch-resource";
import { type CycleReport, runIngestCycle, totalsLogFields } from "../jobs/ingest-cycle";
import { ingestDeps } from "../jobs/ingest-deps";
import { secretProvider } from "../jobs/secret";
import { seedIfChanged } from "../jobs/seed";
import { runWeeklyDigest } from "../jobs/weekly-digest";
import type { Mailer } from "../mail/mailer";
import { openNodeDb } from "./node-db";
import { nodeListener } from "./node-listener";

/** What the server needs from the Node entry point. */
export interface NodeServerPlatform {
  fetchDeps: FetchDeps;
  logger: Logger;
  now: () => number;
  mailer: (config: Config) => Mailer | null;
}

/** Runs `job` unless its previous run is still going (one at a time per job). */
function singleFlight<T>(name: string, logger: Logger, job: () => Promise<T>): () => Promise<T | undefined> {
  let running: Promise<T | undefined> | null = null;
  return () => {
    if (running) {
      logger.warn(`${name} skipped: the previous run is still going`);
      return running;
    }
    running = job()
      .catch((err) => {
        logger.error(`${name} failed`, { error: errorMessage(err) });
        return undefined;
      })
      .finally(() => {
        running = null;
      });
    return running;
  };
}

/** Starts the server and scheduler; resolves when the process is asked to stop. */
export async function startNodeServer(
  config: Config,
  catalogue: readonly SourceDef[],
  platform: NodeServerPlatform,
): Promise<void> {
  const { logger } = platform;
  const clock = () => new Date(platform.now());
  const opened = await openNodeDb(config.databaseUrl, config.databaseAuthToken);
  const seeded = await seedIfChanged(opened.db, catalogue, clock().toISOString());
  if (seeded) logger.info("registry and catalogue seeded", { sources: seeded.sources, ...seeded.cases });
  const mailer = platform.mailer(config);
  if (!mailer) logger.info("mail is off: set SMTP_URL, or EMAIL_API_URL and EMAIL_API_KEY, to send email");
  const getSecret = secretProvider(opened.db, config.secret);

  const ingest = singleFlight("ingest cycle", logger, async (): Promise<CycleReport> => {
    const r = await runIngestCycle(ingestDeps(platform, config, opened.db), { budget: config.ingestBudget });
    logger.info("ingest cycle finished", { run_id: r.runId, ...totalsLogFields(r.totals) });
    return r;
  });
  const digest = singleFlight("weekly digest", logger, () =>
    runWeeklyDigest({ db: opened.db, mailer, config, logger, clock, getSecret }, {}),
  );
  const app = createApp(
    { db: opened.db, config, logger, clock, runIngest: ingest, mailer, getSecret },
    { compress: true },
  );

  const server = createServer(nodeListener(app));
  const jobs = [
    new Cron(config.ingestCron, { timezone: "Etc/UTC", protect: true }, () => void ingest()),
    new Cron(config.digestCron, { timezone: "Etc/UTC", protect: true }, () => void digest()),
  ];
  server.listen(config.port, () => {
    const address = server.address();
    const port = typeof address === "object" && address ? address.port : config.port;
    logger.info("listening", { url: `http://localhost:${port}`, public_url: config.publicUrl });
  });
  void ingest();

  await new Promise<void>((resolve) => {
    const stop = () => {
      logger.info("shutting down");
      for (const j of jobs) j.stop();
      server.close(() => {
        (mailer as { close?: () => void } | null)?.close?.();
        opened.close();
        resolve();
      });
      server.closeAllConnections?.();
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
}
