import { readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { decodeBody } from "../../src/ingest/decode-charset";
import {
  type FetchDeps,
  FetchError,
  type FetchOptions,
  fetchResource,
} from "../../src/ingest/fetch-resource";

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

interface TestServer {
  base: string;
  port: number;
  seen: http.IncomingHttpHeaders[];
  close: () => Promise<void>;
}

/** Starts a node:http server on 127.0.0.1 port 0 that records request headers. */
async function serve(handler: Handler): Promise<TestServer> {
  const seen: http.IncomingHttpHeaders[] = [];
  const server = http.createServer((req, res) => {
    seen.push(req.headers);
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    port,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const UA = "casewire-test/1.0 (+http://127.0.0.1)";
const opts = (extra: Partial<FetchOptions> = {}): FetchOptions => ({
  userAgent: UA,
  allowHosts: ["127.0.0.1"],
  timeoutMs: 5000,
  ...extra,
});
const deps: FetchDeps = { fetch: globalThis.fetch };

/** Runs fetchResource and returns the FetchError it throws (fails the test if it resolves). */
async function failure(url: string, o: FetchOptions, d: FetchDeps = deps): Promise<FetchError> {
  try {
    await fetchResource(url, o, d);
  } catch (err) {
    if (err instanceof FetchError) return err;
    throw err;
  }
  throw new Error(`expected ${url} to fail`);
}

/** gzip of `mib` MiB of zeros, produced in 1 MiB steps so the test itself stays small in memory. */
async function gzipZeros(mib: number): Promise<Buffer> {
  const gz = zlib.createGzip();
  const out: Buffer[] = [];
  gz.on("data", (c: Buffer) => out.push(c));
  const done = new Promise((r) => gz.on("end", r));
  const zero = Buffer.alloc(1024 * 1024);
  for (let i = 0; i < mib; i++) gz.write(zero);
  gz.end();
  await done;
  return Buffer.concat(out);
}

const servers: TestServer[] = [];
const track = async (handler: Handler) => {
  const s = await serve(handler);
  servers.push(s);
  return s;
};
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

describe("conditional GET", () => {
  it("returns the body with validators, then a 304 without a body when the server saw If-None-Match", async () => {
    const s = await track((req, res) => {
      if (req.headers["if-none-match"] === '"v1"') {
        res.writeHead(304, { etag: '"v1"' });
        res.end();
        return;
      }
      res.writeHead(200, {
        "content-type": "application/rss+xml; charset=utf-8",
        etag: '"v1"',
        "last-modified": "Wed, 14 Jan 2026 10:00:00 GMT",
      });
      res.end("<rss><channel><title>Écho</title></channel></rss>");
    });
    const first = await fetchResource(`${s.base}/feed`, opts(), deps);
    expect(first).toMatchObject({
      status: 200,
      notModified: false,
      finalUrl: `${s.base}/feed`,
      text: "<rss><channel><title>Écho</title></channel></rss>",
      contentType: "application/rss+xml; charset=utf-8",
      etag: '"v1"',
      lastModified: "Wed, 14 Jan 2026 10:00:00 GMT",
      charset: "utf-8",
      bytes: 50,
    });
    if (first.notModified) throw new Error("unreachable");
    const second = await fetchResource(
      `${s.base}/feed`,
      opts({ etag: first.etag, lastModified: first.lastModified }),
      deps,
    );
    expect(second).toEqual({ status: 304, notModified: true, finalUrl: `${s.base}/feed` });
    expect(s.seen[1]).toMatchObject({
      "if-none-match": '"v1"',
      "if-modified-since": "Wed, 14 Jan 2026 10:00:00 GMT",
      "user-agent": UA,
      "accept-encoding": "gzip, deflate, br",
    });
    expect(s.seen[0]!["if-none-match"]).toBeUndefined();
  });
});

describe("size cap and decompression", () => {
  let bomb: Buffer;
  beforeAll(async () => {
    bomb = await gzipZeros(50);
  });

  it("stops a gzip bomb (50 MiB of zeros) at the cap with bounded memory", async () => {
    const s = await track((_req, res) => {
      res.writeHead(200, { "content-type": "text/xml", "content-encoding": "gzip" });
      res.end(bomb);
    });
    let pulled = 0;
    const countingFetch: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      const counter = new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          pulled += chunk.byteLength;
          controller.enqueue(chunk);
        },
      });
      return new Response(res.body?.pipeThrough(counter), { status: res.status, headers: res.headers });
    };
    const cap = 1024 * 1024;
    const rssBefore = process.memoryUsage().rss;
    const err = await failure(`${s.base}/bomb`, opts({ maxBytes: cap }), { fetch: countingFetch });
    const rssGrowth = process.memoryUsage().rss - rssBefore;
    expect(err.code).toBe("too-large");
    expect(err.message).toContain(`${s.base}/bomb`);
    expect(pulled).toBeGreaterThan(cap);
    expect(pulled).toBeLessThanOrEqual(cap + 256 * 1024);
    expect(rssGrowth).toBeLessThan(40 * 1024 * 1024);
  });

  it("decompresses a gzip bomb itself when the runtime did not, and still stops at the cap", async () => {
    const rawFetch: typeof fetch = async () =>
      new Response(new Uint8Array(bomb), { headers: { "content-encoding": "gzip" } });
    const rssBefore = process.memoryUsage().rss;
    const err = await failure("https://feeds.example.com/bomb", opts({ maxBytes: 1024 * 1024 }), {
      fetch: rawFetch,
    });
    expect(err.code).toBe("too-large");
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(40 * 1024 * 1024);
  });

  it("refuses an uncompressed body whose Content-Length is over the cap without reading it", async () => {
    const s = await track((_req, res) => {
      res.writeHead(200, { "content-type": "text/plain", "content-length": "2000" });
      res.end("x".repeat(2000));
    });
    const err = await failure(`${s.base}/big`, opts({ maxBytes: 1000 }));
    expect(err.code).toBe("too-large");
  });

  it("accepts a body of exactly maxBytes", async () => {
    const s = await track((_req, res) => {
      res.writeHead(200, { "content-type": "text/plain" });
      res.end("y".repeat(1000));
    });
    const ok = await fetchResource(`${s.base}/exact`, opts({ maxBytes: 1000 }), deps);
    expect(ok.notModified ? 0 : ok.bytes).toBe(1000);
  });

  it.each([
    ["br", (b: Buffer) => zlib.brotliCompressSync(b)],
    ["deflate", (b: Buffer) => zlib.deflateSync(b)],
    ["deflate", (b: Buffer) => zlib.deflateRawSync(b)],
    ["gzip", (b: Buffer) => zlib.gzipSync(b)],
  ])("decodes a %s response from the server", async (coding, compress) => {
    const body = Buffer.from("<feed><title>Schöne Grüße</title></feed>");
    const s = await track((_req, res) => {
      res.writeHead(200, { "content-type": "application/atom+xml", "content-encoding": coding });
      res.end(compress(body));
    });
    const ok = await fetchResource(`${s.base}/c`, opts(), deps);
    expect(ok).toMatchObject({ text: "<feed><title>Schöne Grüße</title></feed>", bytes: body.length });
  });

  it.each([
    ["gzip", zlib.gzipSync],
    ["deflate", zlib.deflateSync],
    ["deflate", zlib.deflateRawSync],
  ])(
    "decodes %s itself when the runtime passes it through (as workerd does for deflate)",
    async (coding, compress) => {
      const body = Buffer.from(`<rss>${"<item>Grüße</item>".repeat(50)}</rss>`);
      const rawFetch: typeof fetch = async () =>
        new Response(new Uint8Array(compress(body)), { headers: { "content-encoding": coding } });
      const ok = await fetchResource("https://feeds.example.com/x", opts(), { fetch: rawFetch });
      expect(ok).toMatchObject({ text: body.toString("utf8"), bytes: body.length });
    },
  );

  it("fails clearly on a br body the runtime did not decode", async () => {
    const rawFetch: typeof fetch = async () =>
      new Response(new Uint8Array(zlib.brotliCompressSync(Buffer.from("x".repeat(500)))), {
        headers: { "content-encoding": "br" },
      });
    const err = await failure("https://feeds.example.com/br", opts(), { fetch: rawFetch });
    expect(err.code).toBe("network");
    expect(err.message).toContain('content-encoding "br"');
  });

  it("serves node-feedparser's compressed.xml (gzip of a windows-1251 feed) as the decoded feed", async () => {
    const corpora = fileURLToPath(
      new URL("../../../shared/corpora/node-feedparser/test/feeds/", import.meta.url),
    );
    const gz = readFileSync(`${corpora}compressed.xml`);
    const plain = new Uint8Array(readFileSync(`${corpora}iconv.xml`));
    const s = await track((_req, res) => {
      res.writeHead(200, { "content-type": "application/rss+xml", "content-encoding": "gzip" });
      res.end(gz);
    });
    const ok = await fetchResource(`${s.base}/compressed.xml`, opts(), deps);
    expect(ok).toMatchObject({ charset: "windows-1251", text: decodeBody(plain).text, bytes: plain.length });
    if (!ok.notModified) expect(ok.text).toContain("Новости Оренбурга");
  });
});

describe("timeout", () => {
  it("cuts off a server that drips the body slowly", async () => {
    const s = await track((_req, res) => {
      res.writeHead(200, { "content-type": "text/plain" });
      const timer = setInterval(() => res.write("."), 50);
      res.on("close", () => clearInterval(timer));
    });
    const err = await failure(`${s.base}/drip`, opts({ timeoutMs: 300 }));
    expect(err.code).toBe("timeout");
    expect(err.message).toContain("300 ms");
  });

  it("cuts off a server that never sends headers", async () => {
    const s = await track(() => {});
    const err = await failure(`${s.base}/silent`, opts({ timeoutMs: 300 }));
    expect(err.code).toBe("timeout");
  });

  it("covers a DNS lookup that never answers", async () => {
    const lookup = () => new Promise<string[]>(() => {});
    const err = await failure("https://slow-dns.example.com/", opts({ timeoutMs: 100 }), { fetch, lookup });
    expect(err.code).toBe("timeout");
  });
});

describe("redirects", () => {
  it("follows up to maxRedirects hops and reports the final URL", async () => {
    const s = await track((req, res) => {
      const n = Number(req.url!.slice(1));
      if (n < 5) {
        res.writeHead(302, { location: `/${n + 1}` });
        res.end();
        return;
      }
      res.writeHead(200, { "content-type": "text/plain" });
      res.end("arrived");
    });
    const ok = await fetchResource(`${s.base}/0`, opts(), deps);
    expect(ok).toMatchObject({ text: "arrived", finalUrl: `${s.base}/5` });
  });

  it("stops a redirect loop", async () => {
    const s = await track((req, res) => {
      res.writeHead(301, { location: req.url === "/a" ? "/b" : "/a" });
      res.end();
    });
    const err = await failure(`${s.base}/a`, opts());
    expect(err.code).toBe("too-many-redirects");
    expect(s.seen).toHaveLength(6);
  });

  it("refuses a redirect to 127.0.0.1 when only localhost is allowed, without contacting it", async () => {
    const target = await track((_req, res) => res.end("secret"));
    const s = await track((_req, res) => {
      res.writeHead(302, { location: `http://127.0.0.1:${target.port}/admin` });
      res.end();
    });
    const err = await failure(`http://localhost:${s.port}/start`, opts({ allowHosts: ["localhost"] }));
    expect(err.code).toBe("blocked");
    expect(err.message).toContain(`127.0.0.1:${target.port}/admin`);
    expect(s.seen).toHaveLength(1);
    expect(target.seen).toHaveLength(0);
  });

  it("refuses a redirect to the cloud metadata address even when it is allow-listed", async () => {
    const s = await track((_req, res) => {
      res.writeHead(307, { location: "http://169.254.169.254/latest/meta-data/" });
      res.end();
    });
    const err = await failure(`${s.base}/r`, opts({ allowHosts: ["127.0.0.1", "169.254.169.254"] }));
    expect(err.code).toBe("blocked");
    expect(err.message).toContain("link-local");
  });

  it.each(["ftp://127.0.0.1/feed.xml", "file:///etc/passwd", "javascript:alert(1)", "data:text/plain,hi"])(
    "refuses a redirect to %s",
    async (location) => {
      const s = await track((_req, res) => {
        res.writeHead(302, { location });
        res.end();
      });
      expect((await failure(`${s.base}/r`, opts())).code).toBe("bad-scheme");
    },
  );

  it("fails a redirect without Location as an HTTP status error", async () => {
    const s = await track((_req, res) => {
      res.writeHead(302);
      res.end();
    });
    expect(await failure(`${s.base}/r`, opts())).toMatchObject({ code: "http-status" });
  });
});

describe("URL and address checks", () => {
  it.each(["ftp://example.com/feed.xml", "file:///etc/passwd", "javascript:alert(1)"])(
    "refuses %s",
    async (url) => {
      const spy = vi.fn(fetch);
      expect((await failure(url, opts(), { fetch: spy })).code).toBe("bad-scheme");
      expect(spy).not.toHaveBeenCalled();
    },
  );

  it("rejects unparseable URLs and URLs with credentials", async () => {
    expect((await failure("not a url", opts())).code).toBe("bad-url");
    expect((await failure("https://user:pw@example.com/", opts())).code).toBe("bad-url");
  });

  it("refuses a name that resolves to 10.0.0.1, without connecting", async () => {
    const spy = vi.fn(fetch);
    const lookup = vi.fn(async () => ["10.0.0.1"]);
    const err = await failure("https://intranet.example.com/feed", opts(), { fetch: spy, lookup });
    expect(err.code).toBe("blocked");
    expect(err.message).toContain("10.0.0.1");
    expect(lookup).toHaveBeenCalledWith("intranet.example.com");
    expect(spy).not.toHaveBeenCalled();
  });

  it("refuses a loopback server that is not allow-listed", async () => {
    const s = await track((_req, res) => res.end("x"));
    expect((await failure(`${s.base}/`, opts({ allowHosts: [] }))).code).toBe("blocked");
    expect(s.seen).toHaveLength(0);
  });
});

describe("runtime integration", () => {
  it("calls deps.fetch without a `this` (workerd's fetch throws Illegal invocation otherwise)", async () => {
    const s = await track((_req, res) => res.end("ok"));
    const d = {
      fetch(this: unknown, input: RequestInfo | URL, init?: RequestInit) {
        if (this !== undefined && this !== globalThis) throw new TypeError("Illegal invocation");
        return fetch(input, init);
      },
    };
    expect(await fetchResource(`${s.base}/`, opts(), d)).toMatchObject({ text: "ok" });
  });
});

describe("HTTP errors", () => {
  it("turns 429 with Retry-After seconds into retryAfterMs", async () => {
    const s = await track((_req, res) => {
      res.writeHead(429, { "retry-after": "120" });
      res.end("slow down");
    });
    const err = await failure(`${s.base}/feed`, opts());
    expect(err).toMatchObject({ code: "http-status", status: 429, retryAfterMs: 120_000 });
    expect(err.message).toContain(`${s.base}/feed`);
  });

  it("reads a 503 Retry-After HTTP-date relative to deps.now", async () => {
    const s = await track((_req, res) => {
      res.writeHead(503, { "retry-after": "Thu, 15 Jan 2026 12:10:00 GMT" });
      res.end();
    });
    const now = () => Date.UTC(2026, 0, 15, 12, 0, 0);
    const err = await failure(`${s.base}/feed`, opts(), { fetch, now });
    expect(err).toMatchObject({ status: 503, retryAfterMs: 600_000 });
  });

  it("reports other statuses without retryAfterMs", async () => {
    const s = await track((_req, res) => {
      res.writeHead(404, { "retry-after": "5" });
      res.end("gone");
    });
    const err = await failure(`${s.base}/missing`, opts());
    expect(err).toMatchObject({ code: "http-status", status: 404 });
    expect(err.retryAfterMs).toBeUndefined();
  });

  it("reports a refused connection as a network error", async () => {
    const s = await serve(() => {});
    await s.close();
    expect((await failure(`${s.base}/`, opts())).code).toBe("network");
  });
});

describe("charsets over HTTP", () => {
  it("decodes a windows-1252 body without a charset", async () => {
    const s = await track((_req, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      res.end(iconv.encode("<p>café – “quotes”</p>", "windows-1252"));
    });
    const ok = await fetchResource(`${s.base}/p`, opts(), deps);
    expect(ok).toMatchObject({ text: "<p>café – “quotes”</p>", charset: "windows-1252" });
  });

  it("honours a quoted Content-Type charset", async () => {
    const s = await track((_req, res) => {
      res.writeHead(200, { "content-type": 'application/rss+xml; charset="windows-1251"' });
      res.end(iconv.encode("<title>Суд</title>", "windows-1251"));
    });
    expect(await fetchResource(`${s.base}/f`, opts(), deps)).toMatchObject({
      text: "<title>Суд</title>",
      charset: "windows-1251",
    });
  });

  it("honours the XML prolog encoding when the header has none", async () => {
    const s = await track((_req, res) => {
      res.writeHead(200, { "content-type": "application/xml" });
      res.end(iconv.encode('<?xml version="1.0" encoding="ISO-8859-1"?><t>Jürgen</t>', "latin1"));
    });
    expect(await fetchResource(`${s.base}/x`, opts(), deps)).toMatchObject({
      text: '<?xml version="1.0" encoding="ISO-8859-1"?><t>Jürgen</t>',
      charset: "windows-1252",
    });
  });
});
