/** createApp(deps): the Hono app that serves casewire on Node and on Workers. */
import { OpenAPIHono } from "@hono/zod-openapi";
import { compress } from "hono/compress";
import { secretProvider } from "../jobs/secret";
import { allowedMethods } from "./allowed-methods";
import type { HeaderLookup } from "./conditional";
import type { AppDeps, AppOptions, HttpContext } from "./context";
import { onError, problemResponse, validationDetail } from "./problem";
import { type CachedHit, createResponseCache } from "./response-cache";
import { registerAdminRoutes } from "./routes/admin";
import { registerArticleRoutes } from "./routes/articles";
import { registerCandidateRoutes } from "./routes/candidates";
import { registerCaseRoutes } from "./routes/cases";
import { registerDigestRoutes } from "./routes/digests";
import { registerDocRoutes } from "./routes/docs";
import { documentFeedRoutes, registerFeedRoutes } from "./routes/feeds";
import { registerHealthRoutes } from "./routes/health";
import { htmlNotFound, registerPageRoutes } from "./routes/pages";
import { subscriptionRoutes } from "./routes/subscriptions";
import { documentSubscriptionRoutes } from "./routes/subscriptions-doc";
import { publicUrls } from "./urls";
import { createVersionCache } from "./version-cache";

export type { HeaderLookup } from "./conditional";
export type { AppDeps, AppOptions } from "./context";
export type { CachedHit } from "./response-cache";

const contexts = new WeakMap<object, HttpContext>();

/** Paths answered with problem+json (machines); everything else gets the HTML 404 page. */
const MACHINE_PATH = /^\/(?:api|feeds)(?:\/|$)|^\/healthz$/;

/** Builds the app; the same object runs under @hono/node-server and as a Worker's fetch handler. */
export function createApp(deps: AppDeps, options: AppOptions = {}): OpenAPIHono {
  const opts: Required<AppOptions> = {
    compress: options.compress ?? false,
    versionTtlMs: options.versionTtlMs ?? 1000,
    cacheEntries: options.cacheEntries ?? 256,
  };
  const version = createVersionCache(deps.db, () => deps.clock().getTime(), opts.versionTtlMs);
  const ctx: HttpContext = {
    deps,
    options: opts,
    urls: publicUrls(deps.config.publicUrl),
    version,
    cache: createResponseCache(version, opts.cacheEntries, opts.compress),
  };

  const app = new OpenAPIHono({
    defaultHook: (result) => {
      if (!result.success) return problemResponse(400, "Bad Request", validationDetail(result.error.issues));
    },
  });
  app.onError(onError(deps.logger));
  const methodsFor = allowedMethods(app.routes);
  app.notFound((c) => {
    const path = new URL(c.req.url).pathname;
    const allow = methodsFor(path);
    if (allow.length > 0 && !allow.includes(c.req.method)) {
      const res = problemResponse(405, "Method Not Allowed", `${path} answers ${allow.join(", ")}`);
      res.headers.set("allow", allow.join(", "));
      return res;
    }
    if (MACHINE_PATH.test(path))
      return problemResponse(404, "Not Found", `no route for ${c.req.method} ${path}`);
    return htmlNotFound(ctx, `There is no page at ${path}.`);
  });
  if (opts.compress) app.use(compress());

  registerHealthRoutes(app, ctx);
  registerCaseRoutes(app, ctx);
  registerArticleRoutes(app, ctx);
  registerCandidateRoutes(app, ctx);
  registerAdminRoutes(app, ctx);
  app.route(
    "/",
    subscriptionRoutes({
      db: deps.db,
      mailer: deps.mailer ?? null,
      config: deps.config,
      logger: deps.logger,
      clock: deps.clock,
      getSecret: deps.getSecret ?? secretProvider(deps.db, deps.config.secret),
    }),
  );
  // Before the feed routes, so /feeds/digests.rss is not taken for a feed pattern.
  registerDigestRoutes(app, ctx);
  registerFeedRoutes(app, ctx);
  documentFeedRoutes(app);
  documentSubscriptionRoutes(app);
  registerPageRoutes(app, ctx);
  registerDocRoutes(app, ctx);

  // Kept bodies (feeds, pages) for the current data version are answered before routing: no context, no
  // middleware, no promise. Everything else, and every miss, goes through the routes above.
  contexts.set(app, ctx);
  const route = app.fetch;
  app.fetch = (request, env, executionCtx) =>
    (request.method === "GET" ? ctx.cache.fastServe(request) : undefined) ??
    route(request, env, executionCtx);
  return app;
}

/**
 * The kept response for a GET, as plain data, when `app` holds it for the current data version: lets a server
 * adapter answer cached feeds and their 304s before building a Request (Node: in the http listener, ahead of
 * @hono/node-server). Undefined means "give the request to the app".
 */
export function cachedResponse(
  app: OpenAPIHono,
  method: string,
  pathAndQuery: string,
  header: HeaderLookup,
): CachedHit | undefined {
  return contexts.get(app)?.cache.lookup(method, pathAndQuery, header);
}
