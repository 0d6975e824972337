/**
 * A real SMTP server (smtp-server) on 127.0.0.1:0 that keeps every message it accepts, with hooks to refuse
 * recipients, and a minimal MIME reader (headers, multipart/alternative, quoted-printable/base64, RFC 2047)
 * for asserting on what arrived. mailparser is not installed, hence the small parser here.
 */
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

/** One accepted message. */
export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
}

/** A running sink. */
export interface SmtpSink {
  port: number;
  url: string;
  messages: ReceivedMail[];
  /** Decides per recipient: return an SMTP error code (e.g. 451, 550) to refuse it, or null to accept. */
  refuse: ((rcpt: string) => number | null) | null;
  close(): Promise<void>;
}

/** Starts a sink on a free loopback port. */
export async function startSmtpSink(): Promise<SmtpSink> {
  const messages: ReceivedMail[] = [];
  const sink: SmtpSink = {
    port: 0,
    url: "",
    messages,
    refuse: null,
    close: async () => {},
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(address, _session, callback) {
      const code = sink.refuse?.(address.address) ?? null;
      if (code === null) return callback();
      const err = new Error(`${code} refused by test sink`) as Error & { responseCode: number };
      err.responseCode = code;
      return callback(err);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        messages.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  sink.port = (server.server.address() as AddressInfo).port;
  sink.url = `smtp://127.0.0.1:${sink.port}/?ignoreTLS=true`;
  sink.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return sink;
}

/** A parsed message. */
export interface ParsedMail {
  /** Raw header lines as on the wire (for injection checks). */
  headerBlock: string;
  /** Unfolded header values by lower-case name (repeated headers keep every value). */
  headers: Map<string, string[]>;
  /** One header, decoded (RFC 2047), or undefined. */
  header(name: string): string | undefined;
  text: string;
  html: string;
}

function decodeQp(s: string): Uint8Array {
  const soft = s.replace(/=\r?\n/g, "");
  const out: number[] = [];
  const enc = new TextEncoder();
  for (let i = 0; i < soft.length; i++) {
    const ch = soft[i]!;
    if (ch === "=" && /^[0-9A-Fa-f]{2}$/.test(soft.slice(i + 1, i + 3))) {
      out.push(Number.parseInt(soft.slice(i + 1, i + 3), 16));
      i += 2;
    } else out.push(...enc.encode(ch));
  }
  return Uint8Array.from(out);
}

function decodeBody(body: string, encoding: string | undefined): string {
  const e = (encoding ?? "7bit").toLowerCase();
  if (e === "quoted-printable") return new TextDecoder().decode(decodeQp(body));
  if (e === "base64") return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  return body;
}

/** Decodes RFC 2047 encoded words (B and Q) in a header value. */
export function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?([^?]+)\?([bBqQ])\?([^?]*)\?=/g, (_m, _cs: string, kind: string, text: string) =>
      kind.toUpperCase() === "B"
        ? Buffer.from(text, "base64").toString("utf8")
        : new TextDecoder().decode(decodeQp(text.replace(/_/g, " "))),
    );
}

function splitHead(raw: string): { head: string; body: string } {
  const i = raw.search(/\r?\n\r?\n/);
  if (i < 0) return { head: raw, body: "" };
  const sep = raw.slice(i).match(/^\r?\n\r?\n/)![0];
  return { head: raw.slice(0, i), body: raw.slice(i + sep.length) };
}

function parseHeaders(head: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  const unfolded = head.replace(/\r?\n[ \t]+/g, " ");
  for (const line of unfolded.split(/\r?\n/)) {
    const c = line.indexOf(":");
    if (c <= 0) continue;
    const name = line.slice(0, c).trim().toLowerCase();
    const list = map.get(name) ?? [];
    list.push(line.slice(c + 1).trim());
    map.set(name, list);
  }
  return map;
}

function collectParts(head: Map<string, string[]>, body: string, out: { text: string; html: string }): void {
  const type = head.get("content-type")?.[0] ?? "text/plain";
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (/^multipart\//i.test(type) && boundary) {
    const pieces = body.split(`--${boundary}`).slice(1);
    for (const piece of pieces) {
      if (piece.startsWith("--")) break;
      const { head: h, body: b } = splitHead(piece.replace(/^\r?\n/, ""));
      collectParts(parseHeaders(h), b, out);
    }
    return;
  }
  const decoded = decodeBody(body, head.get("content-transfer-encoding")?.[0]).replace(/\r\n/g, "\n");
  if (/^text\/html/i.test(type)) out.html = decoded;
  else if (/^text\/plain/i.test(type)) out.text = decoded;
}

/** Parses a raw RFC 5322 message. */
export function parseMail(raw: string): ParsedMail {
  const { head, body } = splitHead(raw);
  const headers = parseHeaders(head);
  const parts = { text: "", html: "" };
  collectParts(headers, body, parts);
  return {
    headerBlock: head,
    headers,
    header: (name) => {
      const v = headers.get(name.toLowerCase())?.[0];
      return v === undefined ? undefined : decodeWords(v);
    },
    ...parts,
  };
}
