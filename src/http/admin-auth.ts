/** Bearer-token guard of the admin endpoints: 404 when no ADMIN_TOKEN is set, 401 when it is missing or wrong. */
import type { MiddlewareHandler } from "hono";
import { problemResponse } from "./problem";

const encoder = new TextEncoder();

async function digest(s: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest("SHA-256", encoder.encode(s)));
}

/** Compares two secrets in time independent of where they differ (and of their lengths): SHA-256 both, XOR all. */
export async function secretsEqual(a: string, b: string): Promise<boolean> {
  const [x, y] = await Promise.all([digest(a), digest(b)]);
  let diff = 0;
  for (let i = 0; i < x.length; i++) diff |= (x[i] ?? 0) ^ (y[i] ?? 0);
  return diff === 0;
}

/** The middleware; `token` is the configured ADMIN_TOKEN (undefined hides the endpoints). */
export function adminAuth(token: string | undefined): MiddlewareHandler {
  return async (c, next) => {
    if (!token) {
      return problemResponse(404, "Not Found", `no route for ${c.req.method} ${new URL(c.req.url).pathname}`);
    }
    const header = c.req.header("authorization") ?? "";
    const m = /^Bearer[ ]+([^\s]+)\s*$/i.exec(header);
    if (!m) {
      return problemResponse(401, "Unauthorized", "this endpoint needs an Authorization: Bearer token", {
        "www-authenticate": 'Bearer realm="casewire admin"',
      });
    }
    if (!(await secretsEqual(m[1] ?? "", token))) {
      return problemResponse(401, "Unauthorized", "the bearer token is not valid", {
        "www-authenticate": 'Bearer realm="casewire admin", error="invalid_token"',
      });
    }
    await next();
  };
}
