/** Turns a user's search text into a safe FTS5 MATCH expression (no FTS5 syntax from the user reaches SQLite). */

/** Most terms (words or quoted phrases) a query may use; the rest are ignored. */
export const MAX_FTS_TERMS = 12;

const TOKEN_RE = /[\p{L}\p{N}]+/gu;

function quote(tokens: string[]): string {
  // Tokens hold letters and digits only, so no double quote needs escaping.
  return `"${tokens.join(" ")}"`;
}

/**
 * Builds an FTS5 expression from free text: `"quoted phrases"` stay phrases, every other word becomes a quoted
 * term (a word like `3:23-cv-03417` becomes the phrase of its parts), a trailing `*` on a word of 3+ characters makes a prefix term;
 * terms are ANDed. Returns null when the text holds no searchable word.
 */
export function toFtsQuery(input: string): string | null {
  const terms: string[] = [];
  const text = input.normalize("NFC").slice(0, 500);
  const partRe = /"([^"]*)"?|(\S+)/g;
  for (let m = partRe.exec(text); m !== null && terms.length < MAX_FTS_TERMS; m = partRe.exec(text)) {
    const phrase = m[1];
    const word = m[2];
    if (phrase !== undefined) {
      const tokens = phrase.match(TOKEN_RE);
      if (tokens) terms.push(quote(tokens.slice(0, 16)));
    } else if (word !== undefined) {
      const tokens = word.match(TOKEN_RE);
      if (!tokens) continue;
      const prefix = word.endsWith("*") && tokens.length === 1 && tokens[0]!.length >= 3;
      terms.push(prefix ? `${quote(tokens)}*` : quote(tokens.slice(0, 16)));
    }
  }
  return terms.length > 0 ? terms.join(" ") : null;
}
