/** The HTML 404 page (API paths answer problem+json instead). */
import type { PublicUrls } from "../urls";
import { Layout, siteAlternates } from "./layout";

/** The 404 page; `what` says what was not found (plain text). */
export function NotFoundPage(props: { urls: PublicUrls; what: string }) {
  return (
    <Layout title="Not found (casewire)" alternates={siteAlternates(props.urls.base)}>
      <h1>Not found</h1>
      <p>{props.what}</p>
      <p>
        <a href="/">See every case</a> or search the coverage above.
      </p>
    </Layout>
  );
}
