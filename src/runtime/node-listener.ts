/** The node:http request listener for the app: kept responses written directly, everything else via Hono. */
import type { IncomingMessage, ServerResponse } from "node:http";
import { getRequestListener } from "@hono/node-server";
import { cachedResponse, type createApp } from "../http/app";

/**
 * Cached feeds and their 304s are answered straight from the app's cache, before a Request is built; every
 * other request goes through @hono/node-server.
 */
export function nodeListener(
  app: ReturnType<typeof createApp>,
): (req: IncomingMessage, res: ServerResponse) => void {
  const listener = getRequestListener(app.fetch);
  return (req, res) => {
    const hit = cachedResponse(app, req.method ?? "GET", req.url ?? "/", (name) => {
      const v = req.headers[name];
      return Array.isArray(v) ? v.join(", ") : v;
    });
    if (!hit) return void listener(req, res);
    res.writeHead(hit.status, hit.headers);
    res.end(hit.body ?? undefined);
  };
}
