/** The site's one stylesheet, inlined in every page and allowed by its SHA-256 hash in the CSP. */

/** Plain CSS without quotes, angle brackets or ampersands, so it is byte-identical once in the page. */
export const SITE_CSS = `
:root{color-scheme:light dark;--fg:#1a1a1a;--muted:#5a5a5a;--bg:#fdfdfb;--link:#0b57a4;--line:#d8d8d0;--mark:#fff2a8}
@media (prefers-color-scheme:dark){:root{--fg:#ececec;--muted:#a9a9a9;--bg:#141414;--link:#8cc4ff;--line:#3a3a3a;--mark:#5c4d00}}
*{box-sizing:border-box}
html{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;line-height:1.5;color:var(--fg);background:var(--bg)}
body{margin:0 auto;max-width:46rem;padding:0 1rem 3rem}
a{color:var(--link)}
a:focus-visible,button:focus-visible,input:focus-visible{outline:3px solid var(--link);outline-offset:2px}
.skip{position:absolute;left:-999px}
.skip:focus{left:1rem;top:1rem;background:var(--bg);padding:.5rem}
header.site{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;justify-content:space-between;padding:1rem 0;border-bottom:1px solid var(--line)}
.brand{font-weight:700;font-size:1.25rem;margin:0}
.brand a{color:inherit;text-decoration:none}
search{display:block;flex:1 1 16rem;max-width:24rem}
form.search{display:flex;gap:.5rem}
form.search input{flex:1;min-width:0;font:inherit;padding:.4rem .5rem;border:1px solid var(--line);border-radius:4px;background:var(--bg);color:inherit}
button{font:inherit;padding:.4rem .8rem;border:1px solid var(--line);border-radius:4px;background:var(--line);color:inherit;cursor:pointer}
h1{font-size:1.6rem;line-height:1.25;margin:1.5rem 0 .5rem}
h2{font-size:1.2rem;margin:1.5rem 0 .25rem}
h3{font-size:1.05rem;margin:0 0 .25rem}
.meta,.muted{color:var(--muted);font-size:.9rem;margin:.1rem 0}
ol.items,ul.items{list-style:none;padding:0;margin:0}
.items li{padding:.75rem 0;border-bottom:1px solid var(--line)}
.items p{margin:.25rem 0}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:1rem 0}
dl.facts dt{font-weight:600}
dl.facts dd{margin:0}
@media (max-width:30rem){dl.facts{grid-template-columns:1fr}dl.facts dd{margin-bottom:.5rem}}
mark{background:var(--mark);color:inherit}
.feeds a{margin-right:.5rem}
section.subscribe{border:1px dashed var(--line);border-radius:6px;padding:.75rem 1rem;margin:1.5rem 0}
section.subscribe fieldset{border:0;padding:0;margin:.5rem 0}
legend{font-weight:600}
ul.case-choices{list-style:none;padding:0;margin:.25rem 0;columns:2 16rem}
section.subscribe input[type=email]{font:inherit;padding:.4rem .5rem;border:1px solid var(--line);border-radius:4px;background:var(--bg);color:inherit;min-width:16rem}
nav.pager{margin:1.5rem 0}
footer{margin-top:3rem;padding-top:1rem;border-top:1px solid var(--line);color:var(--muted);font-size:.9rem}
`.trim();

let hash: Promise<string> | null = null;

/** The CSP source that allows SITE_CSS: `'sha256-…'` (computed once). */
export function siteCssHash(): Promise<string> {
  hash ??= crypto.subtle.digest("SHA-256", new TextEncoder().encode(SITE_CSS)).then((buf) => {
    let bin = "";
    for (const b of new Uint8Array(buf)) bin += String.fromCharCode(b);
    return `'sha256-${btoa(bin)}'`;
  });
  return hash;
}

let csp: Promise<string> | null = null;

/** The Content-Security-Policy of every HTML page (computed once). */
export function pageCsp(): Promise<string> {
  csp ??= siteCssHash().then((styleHash) =>
    [
      "default-src 'none'",
      `style-src ${styleHash}`,
      "img-src 'self'",
      "form-action 'self'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
    ].join("; "),
  );
  return csp;
}

let headers: Promise<Readonly<Record<string, string>>> | null = null;

/**
 * Security headers of every HTML response (computed once, then shared): the page CSP, nosniff, no framing and
 * the referrer policy. Spread it, and override e.g. `referrer-policy` where a page needs a stricter one.
 */
export function pageSecurityHeaders(): Promise<Readonly<Record<string, string>>> {
  headers ??= pageCsp().then((policy) =>
    Object.freeze({
      "content-security-policy": policy,
      "x-content-type-options": "nosniff",
      "x-frame-options": "DENY",
      "referrer-policy": "strict-origin-when-cross-origin",
    }),
  );
  return headers;
}
