/**
 * Subscription routes (mount with `app.route("/", subscriptionRoutes(deps))`):
 * POST /api/subscriptions (JSON → 202 JSON; form post → 202 page), GET /subscriptions/confirm,
 * GET|POST /subscriptions/unsubscribe (GET asks, POST acts: RFC 8058 one-click), GET|POST /subscriptions/manage.
 * Pages are script-free and send the site CSP; pages reached by a token are `no-store`, `no-referrer`, `noindex`.
 */

import type { Context } from "hono";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { caseChoices } from "../../db/subscribers-repo";
import { AppError, errorMessage } from "../../domain/errors";
import {
  confirmSubscription,
  manageLink,
  requestSubscription,
  type SubscriptionDeps,
  unsubscribe,
  updateSelection,
} from "../../jobs/subscriptions";
import { renderDocument } from "../pages/layout";
import { pageSecurityHeaders } from "../pages/style";
import {
  ConfirmedPage,
  LinkProblemPage,
  linkProblemStatus,
  ManagePage,
  SubscribeAcceptedPage,
  SubscribeErrorPage,
  UnsubscribedPage,
  UnsubscribePromptPage,
} from "../pages/subscription-pages";
import { problemResponse } from "../problem";

/** What the routes need: the subscription deps, and optionally how to run work after the response. */
export interface SubscriptionRouteDeps extends SubscriptionDeps {
  /** Runs a task after answering (Workers: ctx.waitUntil is used automatically when this is absent). */
  background?: (task: Promise<unknown>) => void;
}

/** The JSON answer to every accepted subscription request (identical for known and unknown addresses). */
export const ACCEPTED_BODY = {
  status: "accepted",
  detail:
    "If the address can receive email, a confirmation link is on its way. It works for 7 days; nothing is sent before it is followed.",
} as const;

const HTML = "text/html; charset=utf-8";
const MAX_BODY = 32 * 1024;
/** Added to the page security headers: token-bearing pages are never stored, referred or indexed. */
const TOKEN_PAGE_HEADERS = {
  "referrer-policy": "no-referrer",
  "cache-control": "no-store",
  "x-robots-tag": "noindex",
} as const;

async function page(el: unknown, status: number): Promise<Response> {
  const body = await renderDocument(el as { toString(): string });
  return new Response(body, {
    status,
    headers: { "content-type": HTML, ...(await pageSecurityHeaders()), ...TOKEN_PAGE_HEADERS },
  });
}

function first(v: unknown): unknown {
  return Array.isArray(v) ? v[0] : v;
}

function list(v: unknown): string[] {
  const arr = Array.isArray(v) ? v : v === undefined ? [] : [v];
  return arr.filter((x): x is string => typeof x === "string");
}

function isForm(c: Context): boolean {
  const ct = (c.req.header("content-type") ?? "").toLowerCase();
  return ct.startsWith("application/x-www-form-urlencoded") || ct.startsWith("multipart/form-data");
}

async function formBody(c: Context): Promise<Record<string, unknown>> {
  if (!isForm(c)) return {};
  try {
    return (await c.req.parseBody({ all: true })) as Record<string, unknown>;
  } catch {
    return {};
  }
}

/** Builds the subscription routes. */
export function subscriptionRoutes(deps: SubscriptionRouteDeps): Hono {
  const app = new Hono();
  const base = deps.config.publicUrl;
  const limit = bodyLimit({
    maxSize: MAX_BODY,
    onError: () =>
      problemResponse(413, "Payload Too Large", `request bodies are limited to ${MAX_BODY} bytes`),
  });
  const background = (c: Context, task: Promise<unknown>) => {
    if (deps.background) return deps.background(task);
    try {
      c.executionCtx.waitUntil(task);
    } catch {
      // Node: no execution context; the task runs on by itself (it never rejects).
    }
  };
  const manageHref = (token: string) => `/subscriptions/manage?${new URLSearchParams({ token })}`;
  const unsubscribeHref = (token: string) => `/subscriptions/unsubscribe?${new URLSearchParams({ token })}`;

  app.post("/api/subscriptions", limit, async (c) => {
    const form = isForm(c);
    let input: { email: unknown; cases?: unknown };
    if (form) {
      const body = await formBody(c);
      input = { email: first(body.email), cases: list(body.cases) };
    } else if ((c.req.header("content-type") ?? "").toLowerCase().includes("json")) {
      const body = (await c.req.json().catch(() => null)) as Record<string, unknown> | null;
      if (!body || typeof body !== "object" || Array.isArray(body)) {
        return problemResponse(400, "Bad Request", "the body must be a JSON object {email, cases?}");
      }
      input = { email: body.email, cases: body.cases };
    } else {
      return problemResponse(415, "Unsupported Media Type", "send application/json (or a form post)");
    }
    try {
      const { send } = await requestSubscription(deps, input);
      if (send) background(c, send());
    } catch (err) {
      if (!(err instanceof AppError) || err.status >= 500) throw err;
      if (!form) return problemResponse(err.status, err.title, err.detail);
      const message = err.detail.includes('"email"')
        ? "That does not look like an email address. Check it and try again."
        : "One of the chosen cases is not known. Reload the page and try again.";
      return page(<SubscribeErrorPage base={base} message={message} />, 400);
    }
    if (form) return page(<SubscribeAcceptedPage base={base} />, 202);
    return c.json(ACCEPTED_BODY, 202);
  });

  app.get("/subscriptions/confirm", async (c) => {
    const result = await confirmSubscription(deps, c.req.query("token"));
    if (!result.ok)
      return page(<LinkProblemPage base={base} reason={result.reason} />, linkProblemStatus(result.reason));
    const s = result.subscriber;
    return page(
      <ConfirmedPage
        base={base}
        email={s.email}
        cases={s.cases}
        choices={await caseChoices(deps.db)}
        manageHref={manageHref(result.manageToken)}
      />,
      200,
    );
  });

  app.get("/subscriptions/unsubscribe", async (c) => {
    const token = c.req.query("token") ?? "";
    const result = await manageLink(deps, token);
    if (!result.ok)
      return page(<LinkProblemPage base={base} reason={result.reason} />, linkProblemStatus(result.reason));
    return page(
      <UnsubscribePromptPage
        base={base}
        email={result.subscriber.email}
        actionHref={unsubscribeHref(token)}
        manageHref={manageHref(token)}
        active={result.subscriber.status === "active"}
      />,
      200,
    );
  });

  app.post("/subscriptions/unsubscribe", limit, async (c) => {
    const token = c.req.query("token") ?? (first((await formBody(c)).token) as string | undefined) ?? "";
    const result = await unsubscribe(deps, token);
    if (!result.ok)
      return page(<LinkProblemPage base={base} reason={result.reason} />, linkProblemStatus(result.reason));
    return page(
      <UnsubscribedPage base={base} email={result.subscriber.email} manageHref={manageHref(token)} />,
      200,
    );
  });

  app.get("/subscriptions/manage", async (c) => {
    const token = c.req.query("token") ?? "";
    const result = await manageLink(deps, token);
    if (!result.ok)
      return page(<LinkProblemPage base={base} reason={result.reason} />, linkProblemStatus(result.reason));
    const s = result.subscriber;
    return page(
      <ManagePage
        base={base}
        token={token}
        email={s.email}
        status={s.status}
        cases={s.cases}
        choices={await caseChoices(deps.db)}
        unsubscribeHref={unsubscribeHref(token)}
      />,
      200,
    );
  });

  app.post("/subscriptions/manage", limit, async (c) => {
    const body = await formBody(c);
    const token = typeof first(body.token) === "string" ? (first(body.token) as string) : "";
    const scope = first(body.scope);
    const picked = list(body.cases).filter((x) => x !== "");
    const choices = await caseChoices(deps.db);
    const check = await manageLink(deps, token);
    if (!check.ok)
      return page(<LinkProblemPage base={base} reason={check.reason} />, linkProblemStatus(check.reason));
    const render = (s: typeof check.subscriber, notice: string, status: number) =>
      page(
        <ManagePage
          base={base}
          token={token}
          email={s.email}
          status={s.status}
          cases={s.cases}
          choices={choices}
          unsubscribeHref={unsubscribeHref(token)}
          notice={notice}
        />,
        status,
      );
    if (scope !== "all" && picked.length === 0) {
      return render(check.subscriber, "Tick at least one case, or choose every case.", 400);
    }
    try {
      const result = await updateSelection(deps, token, scope === "all" ? null : picked);
      if (!result.ok)
        return page(<LinkProblemPage base={base} reason={result.reason} />, linkProblemStatus(result.reason));
      return render(result.subscriber, "Saved. The next digest will follow this choice.", 200);
    } catch (err) {
      if (!(err instanceof AppError) || err.status >= 500) throw err;
      deps.logger.info("manage update refused", { error: errorMessage(err) });
      return render(
        check.subscriber,
        "One of the chosen cases is not known. Reload the page and try again.",
        400,
      );
    }
  });

  return app;
}
