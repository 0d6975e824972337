/** Renders errors as RFC 9457 `application/problem+json`, and the shorthand errors routes throw. */
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { AppError } from "../domain/errors";
import type { Logger } from "../domain/log";

/** Content type of every API error. */
export const PROBLEM_CONTENT_TYPE = "application/problem+json; charset=utf-8";

/** Problem details for a status, title and detail. */
export function problemResponse(
  status: number,
  title: string,
  detail: string,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify({ type: "about:blank", title, status, detail }), {
    status,
    headers: { "content-type": PROBLEM_CONTENT_TYPE, ...headers },
  });
}

/** A 400 error naming the offending parameter. */
export function badParameter(name: string, message: string): AppError {
  return new AppError(400, "Bad Request", `invalid parameter "${name}": ${message}`);
}

/** A 404 error for an id that does not exist (the id is quoted in `detail`). */
export function notFound(kind: string, id: string | number): AppError {
  return new AppError(404, "Not Found", `unknown ${kind} "${id}"`);
}

/** One zod issue as the hook receives it. */
interface IssueLike {
  path: readonly PropertyKey[];
  message: string;
}

/** The detail line of a validation failure: every offending parameter by name, with what is wrong. */
export function validationDetail(issues: readonly IssueLike[]): string {
  const parts = issues.map((i) => {
    const name = i.path.map(String).join(".") || "body";
    return `invalid parameter "${name}": ${i.message}`;
  });
  return [...new Set(parts)].join("; ");
}

/** The app's one error handler: AppError and HTTPException keep their status; anything else is a logged 500. */
export function onError(logger: Logger) {
  return (err: Error, c: Context): Response => {
    if (err instanceof AppError) return problemResponse(err.status, err.title, err.detail);
    if (err instanceof HTTPException) {
      const status = err.status as ContentfulStatusCode;
      return problemResponse(status, err.message || "Error", err.message || "request failed");
    }
    logger.error("unhandled error", { url: c.req.url, status: 500, error: err.message });
    return problemResponse(500, "Internal Server Error", "something went wrong; it has been logged");
  };
}
