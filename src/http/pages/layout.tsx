/** The page shell: head with feed autodiscovery and the inline stylesheet, header with search, footer. */
import type { Child } from "hono/jsx";
import { SITE_CSS } from "./style";

/** A feed advertised with <link rel="alternate">. */
export interface Alternate {
  type: string;
  title: string;
  href: string;
}

/** Props of the shell. */
export interface LayoutProps {
  title: string;
  description?: string;
  alternates: Alternate[];
  /** Search text to show in the header box. */
  q?: string;
  children?: Child;
}

/** The feeds every page advertises (the all-litigation feed in three formats). */
export function siteAlternates(base: string): Alternate[] {
  return [
    { type: "application/rss+xml", title: "casewire: all litigation (RSS)", href: `${base}/feeds/all.rss` },
    {
      type: "application/atom+xml",
      title: "casewire: all litigation (Atom)",
      href: `${base}/feeds/all.atom`,
    },
    {
      type: "application/feed+json",
      title: "casewire: all litigation (JSON Feed)",
      href: `${base}/feeds/all.json`,
    },
  ];
}

/** The header search form. */
export function SearchForm(props: { q?: string | undefined; id: string }) {
  return (
    <search>
      <form class="search" action="/search" method="get">
        <label class="skip" for={props.id}>
          Search articles
        </label>
        <input
          id={props.id}
          type="search"
          name="q"
          value={props.q ?? ""}
          placeholder="Search coverage"
          maxlength={500}
        />
        <button type="submit">Search</button>
      </form>
    </search>
  );
}

/** Renders a full page. */
export function Layout(props: LayoutProps) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{props.title}</title>
        {props.description ? <meta name="description" content={props.description} /> : null}
        <meta name="referrer" content="strict-origin-when-cross-origin" />
        {props.alternates.map((a) => (
          <link rel="alternate" type={a.type} title={a.title} href={a.href} />
        ))}
        <style dangerouslySetInnerHTML={{ __html: SITE_CSS }} />
      </head>
      <body>
        <a class="skip" href="#main">
          Skip to content
        </a>
        <header class="site">
          <p class="brand">
            <a href="/">casewire</a>
          </p>
          <SearchForm q={props.q} id="site-search" />
        </header>
        <main id="main">{props.children}</main>
        <footer>
          <p>
            Feeds for everything: <a href="/feeds/all.rss">RSS</a> · <a href="/feeds/all.atom">Atom</a> ·{" "}
            <a href="/feeds/all.json">JSON Feed</a> · <a href="/feeds/cases.opml">OPML of every case</a> ·{" "}
            <a href="/docs">API</a>
          </p>
          <p>
            Headlines link to the publishers. casewire files news by lawsuit; it does not republish articles.
          </p>
        </footer>
      </body>
    </html>
  );
}

/** Serialises a page element to an HTML document string. */
export async function renderDocument(element: { toString(): string | Promise<string> }): Promise<string> {
  return `<!DOCTYPE html>${await element.toString()}`;
}
