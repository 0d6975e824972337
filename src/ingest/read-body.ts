import { FetchError } from "./fetch-error";

/** How many leading bytes are inspected to tell compressed from already-decoded bodies. */
const SNIFF_BYTES = 256;

type Decompression = "gzip" | "deflate" | "deflate-raw" | null;

/** The content codings of a response, outermost last, without `identity`. */
function contentCodings(headers: Headers): string[] {
  return (headers.get("content-encoding") ?? "")
    .toLowerCase()
    .split(",")
    .map((c) => c.trim())
    .filter((c) => c !== "" && c !== "identity");
}

/** True when the bytes start with a gzip member header. */
function isGzip(p: Uint8Array): boolean {
  return p[0] === 0x1f && p[1] === 0x8b;
}

/** True when the bytes start with a zlib (RFC 1950) header using deflate and no preset dictionary. */
function isZlib(p: Uint8Array): boolean {
  const cmf = p[0];
  const flg = p[1];
  if (cmf === undefined || flg === undefined) return false;
  return (cmf & 0x0f) === 8 && cmf >> 4 <= 7 && (flg & 0x20) === 0 && ((cmf << 8) | flg) % 31 === 0;
}

/** True when a body prefix looks like compressed/binary data rather than text (BOMs and UTF-16 count as text). */
function looksBinary(p: Uint8Array): boolean {
  if (p.length === 0) return false;
  if (
    (p[0] === 0xef && p[1] === 0xbb) ||
    (p[0] === 0xfe && p[1] === 0xff) ||
    (p[0] === 0xff && p[1] === 0xfe)
  ) {
    return false;
  }
  if ((p[0] === 0 && p[1] === 0x3c) || (p[0] === 0x3c && p[1] === 0)) return false;
  for (const b of p.subarray(0, SNIFF_BYTES)) {
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) return true;
  }
  return false;
}

/**
 * Decides whether the body still needs decompressing. Node's fetch (undici) decodes gzip, deflate and br
 * itself; workerd decodes gzip and br but passes deflate through. Both keep the Content-Encoding header,
 * so the decision is made on the bytes.
 */
function chooseDecompression(codings: string[], prefix: Uint8Array, url: string): Decompression {
  const coding = codings.at(-1);
  if (coding === undefined) return null;
  if (coding === "gzip" || coding === "x-gzip") return isGzip(prefix) ? "gzip" : null;
  if (coding === "deflate") {
    if (isZlib(prefix)) return "deflate";
    return looksBinary(prefix) ? "deflate-raw" : null;
  }
  if (looksBinary(prefix)) {
    // br (and anything else) can only be decoded by the runtime; DecompressionStream has no "br".
    throw new FetchError("network", url, `response body uses content-encoding "${coding}", not decoded here`);
  }
  return null;
}

/** A stream that first replays the already-read chunks, then pulls the rest from the reader. */
function replay(
  first: Uint8Array[],
  reader: ReadableStreamDefaultReader<Uint8Array>,
): ReadableStream<Uint8Array> {
  const pending = [...first];
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const next = pending.shift();
        if (next) {
          controller.enqueue(next);
          return;
        }
        const { done, value } = await reader.read();
        if (done) controller.close();
        else controller.enqueue(value);
      },
      cancel(reason) {
        return reader.cancel(reason);
      },
    },
    { highWaterMark: 0 },
  );
}

/** Reads one chunk, giving up (and cancelling the reader) as soon as the signal aborts. */
async function readOrAbort(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  signal: AbortSignal,
): Promise<ReadableStreamReadResult<Uint8Array>> {
  if (signal.aborted) throw signal.reason;
  let onAbort = () => {};
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
  });
  try {
    return await Promise.race([reader.read(), aborted]);
  } finally {
    signal.removeEventListener("abort", onAbort);
  }
}

/** Concatenates chunks into one array. */
function concat(chunks: Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/**
 * Reads a response body, decompressing it when the runtime did not, and stops (cancelling the stream)
 * as soon as more than `maxBytes` decoded bytes arrive: FetchError `too-large`. Memory stays bounded by
 * the cap plus one chunk. Honours `signal` between chunks.
 */
export async function readBody(
  res: Response,
  maxBytes: number,
  signal: AbortSignal,
  url: string,
): Promise<Uint8Array> {
  if (!res.body) return new Uint8Array(0);
  const codings = contentCodings(res.headers);
  const declared = Number(res.headers.get("content-length"));
  if (codings.length === 0 && Number.isFinite(declared) && declared > maxBytes) {
    void res.body.cancel().catch(() => {});
    throw new FetchError(
      "too-large",
      url,
      `response of ${declared} bytes exceeds the ${maxBytes}-byte limit`,
    );
  }
  const raw: ReadableStreamDefaultReader<Uint8Array> = res.body.getReader();
  let reader = raw;
  try {
    const head: Uint8Array[] = [];
    let headBytes = 0;
    let ended = false;
    while (headBytes < SNIFF_BYTES && !ended) {
      const { done, value } = await readOrAbort(raw, signal);
      if (done) ended = true;
      else if (value.length > 0) {
        head.push(value);
        headBytes += value.length;
      }
    }
    const prefix = concat(head, headBytes).subarray(0, SNIFF_BYTES);
    const format = chooseDecompression(codings, prefix, url);
    if (format)
      reader = replay(head, raw)
        .pipeThrough(new DecompressionStream(format) as ReadableWritablePair<Uint8Array, Uint8Array>)
        .getReader();
    else if (head.length > 0) reader = replay(head, raw).getReader();
    else if (ended) return new Uint8Array(0);

    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const { done, value } = await readOrAbort(reader, signal);
      if (done) break;
      total += value.length;
      if (total > maxBytes) {
        throw new FetchError(
          "too-large",
          url,
          `response body exceeds the ${maxBytes}-byte limit after decoding`,
        );
      }
      chunks.push(value);
    }
    return concat(chunks, total);
  } catch (err) {
    void reader.cancel().catch(() => {});
    if (reader !== raw) void raw.cancel().catch(() => {});
    if (err instanceof FetchError || signal.aborted) throw err;
    throw new FetchError("network", url, `could not read the response body: ${String(err)}`, { cause: err });
  }
}
