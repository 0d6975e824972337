/** Pages of the subscription flow: request accepted, link problems, confirmed, unsubscribe, manage cases. */
import type { Child } from "hono/jsx";
import type { LinkFailure } from "../../jobs/subscriptions";
import { Layout, siteAlternates } from "./layout";
import type { CaseChoice } from "./subscribe-form";

function Page(props: { title: string; base: string; children?: Child }) {
  return (
    <Layout title={`${props.title} (casewire)`} alternates={siteAlternates(props.base)}>
      {props.children}
    </Layout>
  );
}

/** After a form subscription request: the same page whether or not the address was known. */
export function SubscribeAcceptedPage(props: { base: string }) {
  return (
    <Page title="Check your inbox" base={props.base}>
      <h1>Check your inbox</h1>
      <p>
        If that address can receive email, a confirmation link is on its way. Follow it within 7 days to start
        the weekly digest. Nothing is sent until you do.
      </p>
      <p>
        <a href="/">Back to the cases</a>
      </p>
    </Page>
  );
}

/** A subscription request that could not be accepted (bad address, unknown case). */
export function SubscribeErrorPage(props: { base: string; message: string }) {
  return (
    <Page title="Subscription not accepted" base={props.base}>
      <h1>That did not work</h1>
      <p>{props.message}</p>
      <p>
        <a href="/#subscribe">Try again</a>
      </p>
    </Page>
  );
}

const LINK_PROBLEMS: Record<LinkFailure, { title: string; text: string }> = {
  expired: {
    title: "This link has expired",
    text: "Confirmation links work for 7 days and links in digests for a year. Subscribe again from the home page to get a fresh link.",
  },
  "bad-signature": {
    title: "This link is not valid",
    text: "The link was changed or cut off. Copy the whole link from the email into your browser, or subscribe again from the home page.",
  },
  malformed: {
    title: "This link is not valid",
    text: "The link was changed or cut off. Copy the whole link from the email into your browser, or subscribe again from the home page.",
  },
  "wrong-purpose": {
    title: "This link is for something else",
    text: "Use the link from the right email: confirmation links confirm, links in digests manage or end a subscription.",
  },
  "unknown-subscriber": {
    title: "This subscription no longer exists",
    text: "Subscribe again from the home page if you want the weekly digest.",
  },
  superseded: {
    title: "This link is out of date",
    text: "You unsubscribed after this confirmation link was sent, so it no longer works. Subscribe again from the home page if you want the digest back.",
  },
};

/** HTTP status for a refused link: 410 when it expired, else 400 (404 when the subscriber is gone). */
export function linkProblemStatus(reason: LinkFailure): 400 | 404 | 410 {
  return reason === "expired" ? 410 : reason === "unknown-subscriber" ? 404 : 400;
}

/** A refused confirmation or manage link, with what to do next. */
export function LinkProblemPage(props: { base: string; reason: LinkFailure }) {
  const p = LINK_PROBLEMS[props.reason];
  return (
    <Page title={p.title} base={props.base}>
      <h1>{p.title}</h1>
      <p>{p.text}</p>
      <p>
        <a href="/#subscribe">Subscribe from the home page</a>
      </p>
    </Page>
  );
}

function Selection(props: { cases: string[] | null; choices: CaseChoice[] }) {
  if (props.cases === null) return <p>You follow every case casewire tracks.</p>;
  const captions = new Map(props.choices.map((c) => [c.id, c.caption]));
  return (
    <>
      <p>You follow {props.cases.length === 1 ? "this case" : `these ${props.cases.length} cases`}:</p>
      <ul>
        {props.cases.map((id) => (
          <li>{captions.get(id) ?? id}</li>
        ))}
      </ul>
    </>
  );
}

/** After a confirmation link: subscribed, with the selection and the manage link. */
export function ConfirmedPage(props: {
  base: string;
  email: string;
  cases: string[] | null;
  choices: CaseChoice[];
  manageHref: string;
}) {
  return (
    <Page title="Subscribed" base={props.base}>
      <h1>You are subscribed</h1>
      <p>The weekly digest will go to {props.email} every Monday when there is news for you.</p>
      <Selection cases={props.cases} choices={props.choices} />
      <p>
        <a href={props.manageHref}>Change which cases you follow or unsubscribe</a>
      </p>
    </Page>
  );
}

/** GET of an unsubscribe link: asks for a click (mail scanners follow links; GET changes nothing). */
export function UnsubscribePromptPage(props: {
  base: string;
  email: string;
  actionHref: string;
  manageHref: string;
  active: boolean;
}) {
  return (
    <Page title="Unsubscribe" base={props.base}>
      <h1>Unsubscribe from the weekly digest?</h1>
      {props.active ? (
        <>
          <p>{props.email} will get no more digests.</p>
          <form method="post" action={props.actionHref}>
            <input type="hidden" name="List-Unsubscribe" value="One-Click" />
            <button type="submit">Unsubscribe</button>
          </form>
          <p>
            Or <a href={props.manageHref}>follow fewer cases instead</a>.
          </p>
        </>
      ) : (
        <p>
          {props.email} is not subscribed. <a href={props.manageHref}>Subscribe again</a>
        </p>
      )}
    </Page>
  );
}

/** After the unsubscribe POST. */
export function UnsubscribedPage(props: { base: string; email: string; manageHref: string }) {
  return (
    <Page title="Unsubscribed" base={props.base}>
      <h1>You are unsubscribed</h1>
      <p>{props.email} will get no more digests.</p>
      <p>
        Changed your mind? <a href={props.manageHref}>Subscribe again</a>
      </p>
    </Page>
  );
}

/** The manage page: choose every case or some, save; or unsubscribe. */
export function ManagePage(props: {
  base: string;
  token: string;
  email: string;
  status: "pending" | "active" | "unsubscribed";
  cases: string[] | null;
  choices: CaseChoice[];
  unsubscribeHref: string;
  notice?: string | undefined;
}) {
  const following = new Set(props.cases ?? []);
  const active = props.status === "active";
  return (
    <Page title="Your digest subscription" base={props.base}>
      <h1>Your digest subscription</h1>
      {props.notice ? <p role="status">{props.notice}</p> : null}
      <p>
        {props.email}: {active ? "subscribed" : "not subscribed"}.
      </p>
      <form method="post" action="/subscriptions/manage">
        <input type="hidden" name="token" value={props.token} />
        <fieldset>
          <legend>What should the digest cover?</legend>
          <p>
            <label>
              <input type="radio" name="scope" value="all" checked={props.cases === null} /> Every case
            </label>
          </p>
          <p>
            <label>
              <input type="radio" name="scope" value="some" checked={props.cases !== null} /> Only the cases
              ticked below
            </label>
          </p>
          <ul class="case-choices">
            {props.choices.map((c) => (
              <li>
                <label>
                  <input type="checkbox" name="cases" value={c.id} checked={following.has(c.id)} />{" "}
                  {c.caption}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <p>
          <button type="submit">{active ? "Save" : "Save and subscribe"}</button>
        </p>
      </form>
      {active ? (
        <form method="post" action={props.unsubscribeHref}>
          <input type="hidden" name="List-Unsubscribe" value="One-Click" />
          <p>
            <button type="submit">Unsubscribe</button>
          </p>
        </form>
      ) : null}
    </Page>
  );
}
