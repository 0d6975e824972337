/** The HTML 404 page, also used for other client errors (API paths answer problem+json instead). */
import type { PublicUrls } from "../urls";
import { Layout, siteAlternates } from "./layout";

/** The 404 page; `what` says what was not found (plain text); `heading` replaces "Not found" for other errors. */
export function NotFoundPage(props: { urls: PublicUrls; what: string; heading?: string }) {
  const heading = props.heading ?? "Not found";
  return (
    <Layout title={`${heading} (casewire)`} alternates={siteAlternates(props.urls.base)}>
      <h1>{heading}</h1>
      <p>{props.what}</p>
      <p>
        <a href="/">See every case</a> or search the coverage above.
      </p>
    </Layout>
  );
}
