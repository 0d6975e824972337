/** A tiny auto-escaping HTML template for the email renderers: every interpolated value is text unless marked safe. */

/** Markup that is already safe to emit as is. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** Interpolated values: text (escaped), safe markup, lists of either, or nothing. */
export type HtmlValue = SafeHtml | string | number | null | undefined | false | readonly HtmlValue[];

/** Escapes text for element content and double- or single-quoted attribute values. */
export function escapeText(s: string): string {
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

function emit(v: HtmlValue): string {
  if (v === null || v === undefined || v === false) return "";
  if (v instanceof SafeHtml) return v.value;
  if (Array.isArray(v)) return v.map(emit).join("");
  return escapeText(String(v));
}

/** Tagged template: the literal parts are trusted markup, the values are escaped (see HtmlValue). */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? "";
  for (let i = 0; i < values.length; i++) out += emit(values[i]!) + (strings[i + 1] ?? "");
  return new SafeHtml(out);
}

/** Marks a trusted constant string (never untrusted input) as markup. */
export function trusted(markup: string): SafeHtml {
  return new SafeHtml(markup);
}
