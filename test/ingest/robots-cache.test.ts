import { describe, expect, it, vi } from "vitest";
import { FetchError } from "../../src/ingest/fetch-error";
import { createRobotsCache } from "../../src/ingest/robots-cache";

const ROBOTS = ["User-agent: casewire", "Disallow: /private/", "", "User-agent: *", "Disallow: /"].join("\n");

const UA = "casewire/0.1.0 (+https://casewire.example)";

describe("createRobotsCache", () => {
  it("applies the group for our user agent and fetches robots.txt once per origin", async () => {
    const fetchText = vi.fn(async (_url: string) => ROBOTS);
    const robots = createRobotsCache({ fetchText, userAgent: UA, ttlMs: 60_000 });
    expect(await robots.isAllowed("https://news.example/private/x")).toBe(false);
    expect(await robots.isAllowed("https://news.example/articles/1")).toBe(true);
    expect(fetchText).toHaveBeenCalledTimes(1);
    expect(fetchText).toHaveBeenCalledWith("https://news.example/robots.txt");
    await robots.isAllowed("https://other.example/a");
    expect(fetchText).toHaveBeenCalledTimes(2);
  });

  it("falls back to the * group for another agent", async () => {
    const robots = createRobotsCache({
      fetchText: async () => ROBOTS,
      userAgent: "otherbot/1.0",
      ttlMs: 60_000,
    });
    expect(await robots.isAllowed("https://news.example/articles/1")).toBe(false);
  });

  it("accepts a FetchResult from fetchResource", async () => {
    const robots = createRobotsCache({
      userAgent: UA,
      fetchText: async (url) => ({
        status: 200,
        notModified: false,
        finalUrl: url,
        text: "User-agent: *\nDisallow: /no",
        contentType: "text/plain",
        etag: null,
        lastModified: null,
        bytes: 26,
        charset: "utf-8",
      }),
    });
    expect(await robots.isAllowed("https://a.example/no/1")).toBe(false);
    expect(await robots.isAllowed("https://a.example/yes")).toBe(true);
  });

  it("shares one in-flight fetch between concurrent callers", async () => {
    let release!: (s: string) => void;
    const fetchText = vi.fn(() => new Promise<string>((r) => (release = r)));
    const robots = createRobotsCache({ fetchText, userAgent: UA, ttlMs: 60_000 });
    const answers = Promise.all([
      robots.isAllowed("https://x.example/a"),
      robots.isAllowed("https://x.example/b"),
    ]);
    await new Promise((r) => setImmediate(r));
    release("User-agent: *\nDisallow: /b");
    expect(await answers).toEqual([true, false]);
    expect(fetchText).toHaveBeenCalledTimes(1);
  });

  it.each([
    [404, true],
    [410, true],
    [401, false],
    [403, false],
    [429, false],
    [500, false],
    [503, false],
  ])("an HTTP %i for robots.txt means allowed=%s", async (status, allowed) => {
    const fetchText = async (url: string) => {
      throw new FetchError("http-status", url, `HTTP ${status}`, { status });
    };
    const robots = createRobotsCache({ fetchText, userAgent: UA, ttlMs: 60_000 });
    expect(await robots.isAllowed("https://s.example/page")).toBe(allowed);
  });

  it("disallows on network errors and timeouts, and retries after the shorter error TTL", async () => {
    let now = 1_000_000;
    let fail = true;
    const fetchText = vi.fn(async (url: string) => {
      if (fail) throw new FetchError("timeout", url, "timed out");
      return "User-agent: *\nAllow: /";
    });
    const robots = createRobotsCache({
      fetchText,
      userAgent: UA,
      ttlMs: 3_600_000,
      errorTtlMs: 60_000,
      now: () => now,
    });
    expect(await robots.isAllowed("https://n.example/a")).toBe(false);
    fail = false;
    now += 59_000;
    expect(await robots.isAllowed("https://n.example/a")).toBe(false);
    now += 2_000;
    expect(await robots.isAllowed("https://n.example/a")).toBe(true);
    expect(fetchText).toHaveBeenCalledTimes(2);
  });

  it("refetches after the TTL", async () => {
    let now = 0;
    let body = "User-agent: *\nDisallow: /";
    const fetchText = vi.fn(async () => body);
    const robots = createRobotsCache({ fetchText, userAgent: UA, ttlMs: 1000, now: () => now });
    expect(await robots.isAllowed("https://t.example/x")).toBe(false);
    body = "User-agent: *\nAllow: /";
    now = 999;
    expect(await robots.isAllowed("https://t.example/x")).toBe(false);
    now = 1000;
    expect(await robots.isAllowed("https://t.example/x")).toBe(true);
  });

  it("answers false for non-http URLs without fetching", async () => {
    const fetchText = vi.fn(async () => "");
    const robots = createRobotsCache({ fetchText, userAgent: UA, ttlMs: 1000 });
    expect(await robots.isAllowed("ftp://x.example/file")).toBe(false);
    expect(await robots.isAllowed("not a url")).toBe(false);
    expect(fetchText).not.toHaveBeenCalled();
  });
});
