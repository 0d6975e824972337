/** Which methods a path is served with, from the app's own route table (for 405 and its Allow header). */

interface RouteLike {
  method: string;
  path: string;
}

function toRegExp(path: string): RegExp {
  const body = path
    .split("/")
    .map((seg) => {
      if (seg === "*") return ".*";
      if (seg.startsWith(":")) return "[^/]+";
      return seg.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    })
    .join("/");
  return new RegExp(`^${body}$`);
}

/** Returns a lookup from a request path to the methods its routes accept (empty when no route has the path). */
export function allowedMethods(routes: readonly RouteLike[]): (path: string) => string[] {
  let compiled: { method: string; re: RegExp }[] | null = null;
  return (path) => {
    compiled ??= routes
      .filter((r) => r.method !== "ALL")
      .map((r) => ({ method: r.method, re: toRegExp(r.path) }));
    const methods = new Set<string>();
    for (const r of compiled) if (r.re.test(path)) methods.add(r.method);
    if (methods.has("GET")) methods.add("HEAD");
    return [...methods].sort();
  };
}
