/** Runs the CLI in-process with a recording platform (real database opener, real fetch, no process state). */
import { readFile } from "node:fs/promises";
import { type CliPlatform, runCli } from "../../src/cli";
import { silentLogger } from "../../src/domain/log";
import { openNodeDb } from "../../src/runtime/node-db";

/** What one CLI run printed and returned. */
export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** Runs `argv` with these environment variables and stdin lines. */
export async function runCliForTest(
  argv: string[],
  env: Record<string, string> = {},
  stdin: string[] = [],
): Promise<CliRun> {
  let out = "";
  let err = "";
  const platform: CliPlatform = {
    env,
    stdout: (t) => {
      out += t;
    },
    stderr: (t) => {
      err += t;
    },
    stdinLines: async function* () {
      yield* stdin;
    },
    readFile: (p) => readFile(p, "utf8"),
    openDb: openNodeDb,
    fetchDeps: { fetch: globalThis.fetch, now: () => Date.now() },
    logger: silentLogger,
    now: () => Date.now(),
    serve: () => Promise.reject(new Error("serve is not run in tests")),
    mailer: () => null,
  };
  const code = await runCli(argv, platform);
  return { code, out, err };
}
