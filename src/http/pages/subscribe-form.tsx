/**
 * The digest subscribe form for the home page and case pages. Plain HTML (no script): it posts
 * application/x-www-form-urlencoded `email` and `cases` (repeated) to POST /api/subscriptions, which answers
 * form posts with an HTML page. No case ticked (or the "every case" choice) means all cases.
 */

/** A case the form offers. */
export interface CaseChoice {
  id: string;
  caption: string;
}

/** Props of the form: the cases to offer and, on a case page, that case's id (preselected). */
export interface SubscribeFormProps {
  cases: CaseChoice[];
  caseId?: string | undefined;
}

/** Choices in the order of the manage page (`caseChoices`: caption, case-insensitive, then id), whatever the input order. */
function byCaption(cases: CaseChoice[]): CaseChoice[] {
  const key = (c: CaseChoice) => c.caption.toLowerCase();
  return [...cases].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.id < b.id ? -1 : 1));
}

/** The subscribe section (`id="subscribe"`, one per page). */
export function SubscribeForm(props: SubscribeFormProps) {
  const pre = props.caseId ? props.cases.find((c) => c.id === props.caseId) : undefined;
  return (
    <section class="subscribe" id="subscribe" aria-labelledby="subscribe-title">
      <h2 id="subscribe-title">Weekly digest by email</h2>
      <p>
        Every Monday, the week's coverage grouped by case, plus new lawsuits spotted: headlines, our short
        summaries and links.
      </p>
      <form method="post" action="/api/subscriptions">
        <p>
          <label for="subscribe-email">Email address</label>{" "}
          <input
            id="subscribe-email"
            type="email"
            name="email"
            required
            autocomplete="email"
            maxlength={254}
            spellcheck={false}
          />
        </p>
        {pre ? (
          <fieldset>
            <legend>Which cases?</legend>
            <p>
              <label>
                <input type="radio" name="cases" value={pre.id} checked /> Only {pre.caption}
              </label>
            </p>
            <p>
              <label>
                <input type="radio" name="cases" value="" /> Every case casewire follows
              </label>
            </p>
          </fieldset>
        ) : (
          <details>
            <summary>Only some cases? (optional)</summary>
            <fieldset>
              <legend>Tick the cases to follow. Leave them all unticked to follow every case.</legend>
              <ul class="case-choices">
                {byCaption(props.cases).map((c) => (
                  <li>
                    <label>
                      <input type="checkbox" name="cases" value={c.id} /> {c.caption}
                    </label>
                  </li>
                ))}
              </ul>
            </fieldset>
          </details>
        )}
        <p>
          <button type="submit">Subscribe</button>
        </p>
        <p class="muted">
          We first send a confirmation link; nothing else arrives until you follow it. Every digest has a
          one-click unsubscribe link.
        </p>
      </form>
    </section>
  );
}
