/**
 * Child process of the HTTP bench: serves the app (@hono/node-server) and a bare node:http server that answers
 * the same paths with the same bytes and headers, both on 127.0.0.1, so the load generator (parent process)
 * and the servers run on different cores.
 */

import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { parseConfig } from "../src/config";
import { silentLogger } from "../src/domain/log";
import { createApp } from "../src/http/app";
import { requestKey } from "../src/http/response-cache";
import { openNodeDb } from "../src/runtime/node-db";
import { nodeListener } from "../src/runtime/node-listener";

/** What the parent passes in (first IPC message). */
export interface BenchServerInput {
  dbUrl: string;
  /** Paths whose responses the bare server replays. */
  paths: string[];
}

/** What the child answers once both servers listen. */
export interface BenchServerReady {
  appPort: number;
  /** The app behind a node:http listener that answers kept responses itself (cachedResponse). */
  prePort: number;
  /** A bare @hono/node-server fetch handler replaying the same responses (the adapter's own cost). */
  floorPort: number;
  barePort: number;
  /** ETag of each path (for conditional requests). */
  etags: Record<string, string>;
}

interface Captured {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

async function main(input: BenchServerInput): Promise<void> {
  const { db } = await openNodeDb(input.dbUrl);
  const config = parseConfig({ PUBLIC_URL: "http://127.0.0.1:8787" });
  const app = createApp({ db, config, logger: silentLogger, clock: () => new Date() });

  const captured = new Map<string, Captured>();
  for (const path of input.paths) {
    const res = await app.request(path);
    captured.set(path, {
      status: res.status,
      headers: Object.fromEntries(res.headers),
      body: Buffer.from(await res.arrayBuffer()),
    });
  }
  const bare = createServer((req, res) => {
    const c = captured.get(req.url ?? "");
    if (!c) {
      res.writeHead(404, { "content-length": "0" });
      return res.end();
    }
    if (c.headers.etag && req.headers["if-none-match"] === c.headers.etag) {
      const { etag, "last-modified": lm, "cache-control": cc } = c.headers;
      res.writeHead(304, { etag: etag ?? "", "last-modified": lm ?? "", "cache-control": cc ?? "" });
      return res.end();
    }
    res.writeHead(c.status, { ...c.headers, "content-length": String(c.body.length) });
    res.end(c.body);
  });
  await new Promise<void>((resolve) => bare.listen(0, "127.0.0.1", resolve));
  const appPort = await new Promise<number>((resolve) => {
    serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info) => resolve(info.port));
  });
  // The floor of @hono/node-server itself: a bare fetch handler replaying the same responses from a map.
  const replay = new Map(
    [...captured].map(([path, c]) => {
      const { etag = "", "last-modified": lm = "", "cache-control": cc = "" } = c.headers;
      return [
        path,
        {
          ...c,
          body: new Uint8Array(c.body),
          notModified: { etag, "last-modified": lm, "cache-control": cc },
        },
      ];
    }),
  );
  const floorPort = await new Promise<number>((resolve) => {
    const fetch = (req: Request): Response => {
      const c = replay.get(requestKey(req.url));
      if (!c) return new Response(null, { status: 404 });
      if (c.notModified.etag && req.headers.get("if-none-match") === c.notModified.etag) {
        return new Response(null, { status: 304, headers: c.notModified });
      }
      return new Response(c.body, { status: c.status, headers: c.headers });
    };
    serve({ fetch, port: 0, hostname: "127.0.0.1" }, (info) => resolve(info.port));
  });
  // The app behind a node:http listener that writes kept responses itself (cachedResponse) and hands every
  // other request to @hono/node-server: what the Node runtime can do to skip the adapter on cache hits.
  const pre = createServer(nodeListener(app));
  await new Promise<void>((resolve) => pre.listen(0, "127.0.0.1", resolve));
  const ready: BenchServerReady = {
    prePort: (pre.address() as AddressInfo).port,
    appPort,
    floorPort,
    barePort: (bare.address() as AddressInfo).port,
    etags: Object.fromEntries([...captured].map(([p, c]) => [p, c.headers.etag ?? ""])),
  };
  process.send?.(ready);
}

/** Answer to a `"cpu"` message: CPU time (µs, user + system) this process has used so far. */
export interface BenchServerCpu {
  cpuMicros: number;
}

process.on("message", (m: BenchServerInput | "cpu") => {
  if (m === "cpu") {
    const u = process.cpuUsage();
    process.send?.({ cpuMicros: u.user + u.system } satisfies BenchServerCpu);
  } else void main(m);
});
process.on("disconnect", () => process.exit(0));
