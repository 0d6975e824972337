/**
 * Opaque pagination cursors (base64url). Date and candidate cursors are keyset positions (JSON); a relevance
 * cursor is the walk's snapshot bound plus the ids it has served, as sorted varint deltas (compact binary).
 */
import type { DateKey } from "../db/articles-read";
import type { CandidateKey } from "../db/candidates-read";
import { badParameter } from "./problem";

/** A position in one of the orderings the API paginates. */
export type Cursor =
  | ({ kind: "date" } & DateKey)
  | { kind: "rank"; maxId: number; seen: number[] }
  | ({ kind: "candidate" } & CandidateKey);

/** Longest cursor accepted (a relevance walk of MAX_RANKED_RESULTS ids stays well below it). */
export const MAX_CURSOR_LENGTH = 4096;

const RANK_TAG = 0x72; // "r"

function toBase64Url(bytes: Uint8Array): string {
  let bin = "";
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(s: string): Uint8Array {
  const b64 = s.replace(/-/g, "+").replace(/_/g, "/");
  const bin = atob(b64 + "=".repeat((4 - (b64.length % 4)) % 4));
  return Uint8Array.from(bin, (ch) => ch.charCodeAt(0));
}

function pushVarint(out: number[], n: number): void {
  let v = n;
  while (v >= 0x80) {
    out.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
}

function readVarints(bytes: Uint8Array, from: number): number[] | null {
  const out: number[] = [];
  let value = 0;
  let scale = 1;
  for (let i = from; i < bytes.length; i++) {
    const b = bytes[i]!;
    value += (b & 0x7f) * scale;
    if (value > Number.MAX_SAFE_INTEGER) return null;
    if (b & 0x80) scale *= 0x80;
    else {
      out.push(value);
      value = 0;
      scale = 1;
    }
  }
  return scale === 1 ? out : null;
}

/** Encodes a cursor. */
export function encodeCursor(c: Cursor): string {
  switch (c.kind) {
    case "date":
      return toBase64Url(new TextEncoder().encode(JSON.stringify(["d", c.sortAt, c.id])));
    case "candidate":
      return toBase64Url(new TextEncoder().encode(JSON.stringify(["c", c.lastSeenAt, c.key])));
    case "rank": {
      const out = [RANK_TAG];
      pushVarint(out, c.maxId);
      let prev = 0;
      for (const id of [...new Set(c.seen)].sort((a, b) => a - b)) {
        pushVarint(out, id - prev);
        prev = id;
      }
      return toBase64Url(Uint8Array.from(out));
    }
  }
}

const isInt = (v: unknown): v is number => typeof v === "number" && Number.isSafeInteger(v) && v >= 0;
const isStr = (v: unknown): v is string => typeof v === "string" && v.length > 0 && v.length <= 200;

function decodeRank(bytes: Uint8Array): Cursor | null {
  const nums = readVarints(bytes, 1);
  if (!nums || nums.length === 0) return null;
  const [maxId, ...deltas] = nums as [number, ...number[]];
  const seen: number[] = [];
  let id = 0;
  for (const d of deltas) {
    if (d === 0 && seen.length > 0) return null;
    id += d;
    seen.push(id);
  }
  return { kind: "rank", maxId, seen };
}

function decodeJson(bytes: Uint8Array): Cursor | null {
  const v = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes)) as unknown;
  if (!Array.isArray(v)) return null;
  const [tag, a, b] = v as unknown[];
  if (tag === "d" && isStr(a) && isInt(b)) return { kind: "date", sortAt: a, id: b };
  if (tag === "c" && isStr(a) && isStr(b)) return { kind: "candidate", lastSeenAt: a, key: b };
  return null;
}

/** Decodes a cursor of the expected kind, or throws a 400 naming the `cursor` parameter. */
export function decodeCursor<K extends Cursor["kind"]>(raw: string, kind: K): Extract<Cursor, { kind: K }> {
  const bad = () => badParameter("cursor", "not a cursor issued for this list; start again without it");
  let cursor: Cursor | null = null;
  try {
    if (raw.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(raw)) throw bad();
    const bytes = fromBase64Url(raw);
    cursor = bytes[0] === RANK_TAG ? decodeRank(bytes) : decodeJson(bytes);
  } catch {
    throw bad();
  }
  if (!cursor || cursor.kind !== kind) throw bad();
  return cursor as Extract<Cursor, { kind: K }>;
}
