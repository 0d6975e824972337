/** Parses and validates a sources file (SOURCES_FILE): a JSON array of source objects that replaces the catalogue. */
import { z } from "zod";
import { AppError } from "../domain/errors";
import type { SourceDef } from "../domain/types";

const ERROR_TITLE = "Invalid sources file";
/** At most this many problems are listed in one error. */
const MAX_REPORTED = 10;

function isHttpUrl(value: string): boolean {
  try {
    const u = new URL(value);
    return (u.protocol === "http:" || u.protocol === "https:") && u.hostname.length > 0;
  } catch {
    return false;
  }
}

/** A zod error option: "is required" when the field is missing, else `message`. */
function typeError(message: string): { error: (issue: { input?: unknown }) => string } {
  return { error: (issue) => (issue.input === undefined ? "is required" : message) };
}

const httpUrl = z
  .string(typeError("must be a string (an http or https URL)"))
  .trim()
  .refine(isHttpUrl, { message: "must be an absolute http or https URL" });

const selector = z.string(typeError("must be a string (a CSS selector)")).trim().min(1, "must not be empty");

const selectorsSchema = z.object(
  {
    item: selector,
    link: selector,
    title: selector.optional(),
    summary: selector.optional(),
    date: selector.optional(),
  },
  typeError("must be an object with item and link selectors"),
);

const sourceSchema = z
  .object(
    {
      id: z
        .string(typeError("must be a string"))
        .regex(
          /^[a-z0-9]+(?:[-_.][a-z0-9]+)*$/,
          "must be lower-case letters and digits separated by - _ or .",
        ),
      name: z.string(typeError("must be a string")).trim().min(1, "must not be empty"),
      kind: z.enum(["feed", "html"], typeError('must be "feed" or "html"')),
      url: httpUrl,
      homepage: httpUrl.optional(),
      language: z
        .string(typeError("must be a string"))
        .regex(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/, 'must be a language tag such as "en" or "de-AT"')
        .optional(),
      selectors: selectorsSchema.optional(),
      fullText: z
        .enum(["auto", "full", "teaser", "never"], { error: 'must be "auto", "full", "teaser" or "never"' })
        .optional(),
      enabled: z.boolean({ error: "must be true or false" }).optional(),
    },
    typeError("must be an object"),
  )
  .superRefine((src, ctx) => {
    if (src.kind === "html" && !src.selectors) {
      ctx.addIssue({ code: "custom", path: ["selectors"], message: 'is required when kind is "html"' });
    }
  });

function where(index: number, path: readonly PropertyKey[]): string {
  return `sources[${index}]${path.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`)).join("")}`;
}

function fail(problems: string[]): never {
  const shown = problems.slice(0, MAX_REPORTED);
  const more = problems.length > shown.length ? `; and ${problems.length - shown.length} more` : "";
  throw new AppError(400, ERROR_TITLE, `${shown.join("; ")}${more}`);
}

/**
 * Parses the text of a sources file into validated SourceDefs. Unknown fields are ignored; throws an
 * AppError (400) naming each bad entry by index and field, e.g. `sources[3].url: must be ...`.
 */
export function parseSourcesJson(text: string): SourceDef[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new AppError(400, ERROR_TITLE, `sources file is not valid JSON: ${reason}`);
  }
  if (!Array.isArray(data)) {
    throw new AppError(400, ERROR_TITLE, "sources file must be a JSON array of source objects");
  }
  const problems: string[] = [];
  const sources: SourceDef[] = [];
  const firstIndex = new Map<string, number>();
  data.forEach((entry: unknown, index) => {
    const result = sourceSchema.safeParse(entry);
    if (!result.success) {
      for (const issue of result.error.issues) problems.push(`${where(index, issue.path)}: ${issue.message}`);
      return;
    }
    const src = result.data;
    const seen = firstIndex.get(src.id);
    if (seen !== undefined) {
      problems.push(`${where(index, ["id"])}: duplicate id "${src.id}" (first used at sources[${seen}])`);
      return;
    }
    firstIndex.set(src.id, index);
    sources.push(src);
  });
  if (problems.length > 0) fail(problems);
  return sources;
}
