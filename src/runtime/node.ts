/** Node entry point: wires process.env, stdio, the file system and DNS into the CLI. */
import { lookup } from "node:dns/promises";
import { readFile } from "node:fs/promises";
import { createInterface } from "node:readline";
import { runCli } from "../cli";
import type { Config } from "../config";
import { jsonLogger } from "../domain/log";
import { httpApiMailerFromConfig } from "../mail/http-api-mailer";
import type { Mailer } from "../mail/mailer";
import { createSmtpMailer } from "../mail/smtp-mailer";
import { openNodeDb } from "./node-db";
import { startNodeServer } from "./node-server";

const logger = jsonLogger((line) => process.stderr.write(`${line}\n`));
const quietLogger = {
  ...logger,
  info() {},
};

const fetchDeps = {
  fetch: globalThis.fetch.bind(globalThis),
  lookup: async (hostname: string) => (await lookup(hostname, { all: true })).map((a) => a.address),
  now: () => Date.now(),
};

/** SMTP when SMTP_URL is set, else the HTTP email API when configured, else null (mail is off). */
function nodeMailer(config: Config): Mailer | null {
  if (config.smtpUrl) return createSmtpMailer(config.smtpUrl);
  return httpApiMailerFromConfig(config, globalThis.fetch.bind(globalThis));
}

const argv = process.argv.slice(2);
const code = await runCli(argv, {
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stdinLines: () => createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY }),
  readFile: (path) => readFile(path, "utf8"),
  openDb: openNodeDb,
  fetchDeps,
  logger: argv[0] === "serve" ? logger : quietLogger,
  now: () => Date.now(),
  mailer: nodeMailer,
  serve: (config, catalogue) =>
    startNodeServer(config, catalogue, { fetchDeps, logger, now: () => Date.now(), mailer: nodeMailer }),
});
process.exitCode = code;
