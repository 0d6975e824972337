/** A loopback HTTP server that plays a Resend-compatible email API and records every request it gets. */
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

/** One recorded request. */
export interface ApiRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: Record<string, unknown>;
}

/** A running fake API. */
export interface FakeEmailApi {
  url: string;
  requests: ApiRequest[];
  /** Decides the answer to a request: status and JSON body (default 200 {id}). */
  respond: ((req: ApiRequest, n: number) => { status: number; body: unknown }) | null;
  close(): Promise<void>;
}

/** Starts the fake API on 127.0.0.1:0; its send endpoint is `${url}/emails`. */
export async function startFakeEmailApi(): Promise<FakeEmailApi> {
  const api: FakeEmailApi = { url: "", requests: [], respond: null, close: async () => {} };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown>;
      } catch {
        body = {};
      }
      const rec: ApiRequest = { method: req.method ?? "", path: req.url ?? "", headers: req.headers, body };
      api.requests.push(rec);
      const answer = api.respond?.(rec, api.requests.length) ?? {
        status: 200,
        body: { id: `email-${api.requests.length}` },
      };
      res.writeHead(answer.status, { "content-type": "application/json" });
      res.end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  api.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  api.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return api;
}
