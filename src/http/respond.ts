/** Content types and the JSON response helper shared by the route modules. */
import { API_CACHE_CONTROL } from "./conditional";
import type { HttpContext } from "./context";
import { requestKey } from "./response-cache";

/** Content type of API JSON. */
export const JSON_CONTENT_TYPE = "application/json; charset=utf-8";

/** Serves a JSON API representation through the versioned cache (ETag, 304, Cache-Control); `keep` keeps the body. */
export function serveApiJson(
  ctx: HttpContext,
  request: Request,
  keep: boolean,
  render: () => Promise<string>,
): Promise<Response> {
  return ctx.cache.serve(request, {
    key: requestKey(request.url),
    contentType: JSON_CONTENT_TYPE,
    cacheControl: API_CACHE_CONTROL,
    keep,
    render,
  });
}
