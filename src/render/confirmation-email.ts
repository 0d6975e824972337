/** The double opt-in confirmation email (pure): subject, HTML and text with the signed confirmation link. */
import { html } from "./safe-html";

/** What the confirmation email says. */
export interface ConfirmationContent {
  /** Absolute, signed confirmation link. */
  confirmUrl: string;
  /** Captions of the chosen cases; null = all cases. */
  captions: string[] | null;
  /** How long the link works. */
  validDays: number;
  /** PUBLIC_URL without a trailing slash. */
  base: string;
}

/** A rendered email. */
export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

const FONT = "font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;";

function selectionText(captions: string[] | null): string {
  if (captions === null) return "every AI copyright case casewire follows";
  if (captions.length === 1) return captions[0]!;
  return `${captions.length} cases: ${captions.join("; ")}`;
}

/** Renders the confirmation email. */
export function renderConfirmationEmail(c: ConfirmationContent): RenderedEmail {
  const what = selectionText(c.captions);
  const subject = "Confirm your casewire weekly digest";
  const text = [
    "Please confirm your subscription to the casewire weekly digest",
    `(news about ${what}).`,
    "",
    "Confirm by opening this link:",
    c.confirmUrl,
    "",
    `The link works for ${c.validDays} days. If you did not ask for this, ignore this`,
    "email: nothing will be sent to you.",
    "",
    "--",
    `casewire: ${c.base}/`,
    "",
  ].join("\n");
  const body = html`<!DOCTYPE html>
<html lang="en" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="supported-color-schemes" content="light dark">
<title>${subject}</title>
</head>
<body style="margin:0;padding:24px 16px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0"><tr><td align="center">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:560px;"><tr><td style="${FONT}font-size:16px;line-height:24px;">
<h1 style="margin:0 0 12px;font-size:22px;line-height:28px;">Confirm your weekly digest</h1>
<p style="margin:0 0 16px;">Please confirm your subscription to the casewire weekly digest: news about ${what}.</p>
<p style="margin:0 0 16px;"><a href="${c.confirmUrl}" style="display:inline-block;padding:10px 18px;border:2px solid #0b57a4;border-radius:4px;color:#0b57a4;font-weight:bold;text-decoration:none;">Confirm subscription</a></p>
<p style="margin:0 0 16px;font-size:14px;line-height:20px;">The link works for ${c.validDays} days. If you did not ask for this, ignore this email: nothing will be sent to you.</p>
<p style="margin:0;font-size:13px;line-height:19px;">casewire · <a href="${c.base}/" style="color:#0b57a4;">${c.base.replace(/^https?:\/\//, "")}</a></p>
</td></tr></table>
</td></tr></table>
</body>
</html>
`;
  return { subject, html: body.value, text };
}
