/**
 * An xml2js `validator` hook that repairs the parse tree while it is built, so rss-parser's feed builders never
 * crash on odd but harmless input, and that records what rss-parser would otherwise drop (xml:base).
 */

type Node = Record<string, unknown>;

/** What the guard saw while the tree was built. */
export interface TreeGuardState {
  /** xml:base on the root element, when present. */
  rootBase?: string;
  /** xml:base on the RSS channel, when present. */
  channelBase?: string;
}

const ITEM_PATHS = /^\/(?:feed\/entry|rss\/channel\/item|rss\/item|rdf:RDF\/item|rdf:RDF\/channel\/item)$/;
const ROOTS = new Set(["/rss", "/rdf:RDF"]);
/** Item and feed fields that hold text or markup; group 1 tells Atom from RSS, group 2 names the field. */
const TEXT_FIELD =
  /^\/(feed|rss|rdf:RDF)(?:\/channel)?(?:\/(?:entry|item))?\/(title|summary|content|description|content:encoded)$/;

function isNode(v: unknown): v is Node {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function attrs(v: unknown): Record<string, unknown> | undefined {
  return isNode(v) && isNode(v.$) ? v.$ : undefined;
}

function stringAttr(v: unknown, name: string): string | undefined {
  const value = attrs(v)?.[name];
  return typeof value === "string" ? value : undefined;
}

/**
 * Returns the validator and the state it fills. Repairs: items/entries that came out as bare strings become
 * objects; an `<rss>`/`<rdf:RDF>` without a channel gets one (holding items found directly under `<rss>`);
 * Atom links without attributes get their text as `href`; Atom `published`/`updated` are wrapped so rss-parser
 * never date-parses them (it throws on bad dates; we read the raw string through a custom field); text fields
 * are normalised (see textConstruct). Entries with xml:base gain a `cwBase` child.
 */
export function createTreeGuard(): {
  validator: (xpath: string, previous: unknown, value: unknown) => unknown;
  state: TreeGuardState;
} {
  const state: TreeGuardState = {};
  const validator = (xpath: string, _previous: unknown, value: unknown): unknown => {
    try {
      return repair(xpath, value, state);
    } catch {
      return value;
    }
  };
  return { validator, state };
}

function repair(xpath: string, value: unknown, state: TreeGuardState): unknown {
  if (ITEM_PATHS.test(xpath)) {
    const node: Node = isNode(value) ? value : {};
    const base = stringAttr(node, "xml:base");
    if (base !== undefined) node.cwBase = [base];
    return node;
  }
  if (xpath === "/feed" || ROOTS.has(xpath) || xpath === "/rss/channel") {
    const base = stringAttr(value, "xml:base");
    if (base !== undefined) {
      if (xpath === "/rss/channel") state.channelBase = base;
      else state.rootBase = base;
    }
    if (ROOTS.has(xpath)) {
      const node: Node = isNode(value) ? value : { $: { version: "2.0" } };
      if (!Array.isArray(node.channel) || node.channel.length === 0 || !isNode(node.channel[0])) {
        // items straight under <rss> (no channel) are still items
        node.channel = [xpath === "/rss" && Array.isArray(node.item) ? { item: node.item } : {}];
      }
      return node;
    }
    return isNode(value) ? value : {};
  }
  const field = TEXT_FIELD.exec(xpath);
  if (field) return textConstruct(value, field[1] === "feed", field[2] === "title");
  if (xpath.startsWith("/feed/")) {
    if (xpath.endsWith("/link")) return atomLink(value);
    if (xpath === "/feed/entry/published" || xpath === "/feed/entry/updated") {
      return isNode(value) ? value : { _: typeof value === "string" ? value : "" };
    }
  }
  return value;
}

/** An Atom link always as `{ $: { href?, rel?... } }`, taking a text body as the href. */
function atomLink(value: unknown): Node {
  if (typeof value === "string") return { $: value.trim() ? { href: value.trim() } : {} };
  if (!isNode(value)) return { $: {} };
  if (!isNode(value.$)) {
    const text = typeof value._ === "string" ? value._.trim() : "";
    value.$ = text ? { href: text } : {};
  }
  return value;
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;" };

function escapeText(s: string): string {
  return s.replace(/[&<>]/g, (c) => ESCAPES[c]!);
}

/**
 * Titles that still have child elements become one HTML string (attributes dropped; xml2js keeps an element's own
 * text ahead of its children). escapeInlineMarkup already turned balanced inline markup into text in document
 * order, so this is only the fallback for markup it left alone. Atom `type="text"` fields are escaped so the later
 * HTML-to-text pass gives the text back unchanged.
 */
function textConstruct(value: unknown, atom: boolean, isTitle: boolean): unknown {
  if (!isNode(value)) return value;
  const hasChildren = Object.keys(value).some((k) => k !== "_" && k !== "$");
  if (hasChildren) return isTitle ? serialise(value, 0) : value; // rss-parser serialises bodies itself
  const type = stringAttr(value, "type")?.trim().toLowerCase();
  if (atom && typeof value._ === "string" && (type === "text" || type === "text/plain")) {
    return { ...value, _: escapeText(value._) };
  }
  return value;
}

function serialise(node: unknown, depth: number): string {
  if (typeof node === "string") return escapeText(node);
  if (!isNode(node) || depth > 50) return "";
  let out = typeof node._ === "string" ? escapeText(node._) : "";
  for (const [key, child] of Object.entries(node)) {
    if (key === "_" || key === "$") continue;
    const name = key.replace(/[^\w:.-]/g, "");
    for (const c of Array.isArray(child) ? child : [child]) {
      out += `<${name}>${serialise(c, depth + 1)}</${name}>`;
    }
  }
  return out;
}
