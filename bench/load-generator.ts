/**
 * A small HTTP/1.1 keep-alive load generator on raw sockets (cheap per request, so the server is what is
 * measured): N connections, each sending one request at a time for a fixed duration.
 */
import { connect, type Socket } from "node:net";

/** What to send. */
export interface LoadOptions {
  port: number;
  /** Request paths, used round-robin. */
  paths: string[];
  headers?: Record<string, string>;
  connections: number;
  durationMs: number;
  warmupMs: number;
}

/** What came back. */
export interface LoadResult {
  /** Requests answered after the warm-up. */
  requests: number;
  /** Requests answered during the warm-up. */
  warmupRequests: number;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  statuses: Record<number, number>;
  errors: number;
}

interface Parsed {
  status: number;
  /** Bytes consumed by the complete response, or -1 when more data is needed. */
  length: number;
}

const HEADER_END = Buffer.from("\r\n\r\n");

/** Parses one complete response at the start of `buf` (Content-Length or chunked bodies). */
function parseResponse(buf: Buffer, method: string): Parsed {
  const end = buf.indexOf(HEADER_END);
  if (end < 0) return { status: 0, length: -1 };
  const head = buf.subarray(0, end).toString("latin1");
  const status = Number(head.slice(9, 12));
  const bodyStart = end + 4;
  if (status === 304 || status === 204 || method === "HEAD") return { status, length: bodyStart };
  const cl = /\r\ncontent-length:\s*(\d+)/i.exec(head);
  if (cl) {
    const total = bodyStart + Number(cl[1]);
    return { status, length: buf.length >= total ? total : -1 };
  }
  if (/\r\ntransfer-encoding:\s*chunked/i.test(head)) {
    let at = bodyStart;
    for (;;) {
      const lineEnd = buf.indexOf("\r\n", at);
      if (lineEnd < 0) return { status, length: -1 };
      const size = Number.parseInt(buf.subarray(at, lineEnd).toString("latin1"), 16);
      const next = lineEnd + 2 + size + 2;
      if (buf.length < next) return { status, length: -1 };
      if (size === 0) return { status, length: next };
      at = next;
    }
  }
  throw new Error("response without length");
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
}

/** Runs the load and reports requests/s and latency percentiles (warm-up requests excluded). */
export async function runLoad(opts: LoadOptions): Promise<LoadResult> {
  const extra = Object.entries(opts.headers ?? {})
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join("");
  const requests = opts.paths.map((p) =>
    Buffer.from(`GET ${p} HTTP/1.1\r\nhost: 127.0.0.1\r\nconnection: keep-alive\r\n${extra}\r\n`),
  );
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  let errors = 0;
  let warmupRequests = 0;
  let next = 0;
  const started = performance.now();
  const measureFrom = started + opts.warmupMs;
  const stopAt = measureFrom + opts.durationMs;

  const runConnection = () =>
    new Promise<void>((resolve) => {
      const socket: Socket = connect(opts.port, "127.0.0.1");
      socket.setNoDelay(true);
      let buf: Buffer = Buffer.alloc(0);
      let sentAt = 0;
      const send = () => {
        if (performance.now() >= stopAt) {
          socket.end();
          return resolve();
        }
        sentAt = performance.now();
        socket.write(requests[next++ % requests.length]!);
      };
      socket.on("connect", send);
      socket.on("data", (chunk: Buffer) => {
        buf = buf.length === 0 ? chunk : Buffer.concat([buf, chunk]);
        const parsed = parseResponse(buf, "GET");
        if (parsed.length < 0) return;
        const now = performance.now();
        if (sentAt >= measureFrom) {
          latencies.push(now - sentAt);
          statuses[parsed.status] = (statuses[parsed.status] ?? 0) + 1;
        } else warmupRequests++;
        buf = buf.subarray(parsed.length);
        send();
      });
      socket.on("error", () => {
        errors++;
        resolve();
      });
    });

  await Promise.all(Array.from({ length: opts.connections }, runConnection));
  const sorted = Float64Array.from(latencies).sort();
  return {
    requests: latencies.length,
    warmupRequests,
    rps: latencies.length / (opts.durationMs / 1000),
    p50Ms: percentile(sorted, 0.5),
    p99Ms: percentile(sorted, 0.99),
    statuses,
    errors,
  };
}
