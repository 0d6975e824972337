import { describe, expect, it, vi } from "vitest";
import {
  assertHostAllowed,
  classifyAddress,
  isAllowListed,
  isIpLiteral,
} from "../../src/ingest/address-guard";
import { FetchError } from "../../src/ingest/fetch-error";

describe("classifyAddress", () => {
  it.each([
    ["127.0.0.1", "loopback"],
    ["127.255.0.9", "loopback"],
    ["::1", "loopback"],
    ["[::1]", "loopback"],
    ["::ffff:127.0.0.1", "loopback"],
    ["[::ffff:7f00:1]", "loopback"],
    ["10.0.0.1", "private"],
    ["172.16.0.1", "private"],
    ["172.31.255.255", "private"],
    ["192.168.1.1", "private"],
    ["::ffff:192.168.1.1", "private"],
    ["fd00::1", "private"],
    ["fc00::1", "private"],
    ["100.64.0.1", "cgnat"],
    ["100.127.255.254", "cgnat"],
    ["169.254.169.254", "link-local"],
    ["::ffff:169.254.169.254", "link-local"],
    ["fe80::1", "link-local"],
    ["64:ff9b::a9fe:a9fe", "link-local"],
    ["2002:a9fe:a9fe::1", "link-local"],
    ["0.0.0.0", "unspecified"],
    ["::", "unspecified"],
    ["224.0.0.1", "multicast"],
    ["255.255.255.255", "multicast"],
    ["ff02::1", "multicast"],
    ["192.0.2.1", "reserved"],
    ["2001:db8::1", "reserved"],
    // ipaddr.js reads the deprecated IPv4-compatible spelling as IPv4-mapped; either way it is refused.
    ["::127.0.0.1", "loopback"],
    ["::7f00:1", "reserved"],
    ["not-an-ip", "reserved"],
    ["8.8.8.8", "public"],
    ["172.32.0.1", "public"],
    ["100.128.0.1", "public"],
    ["::ffff:8.8.8.8", "public"],
    ["2606:4700:4700::1111", "public"],
    ["64:ff9b::808:808", "public"],
  ])("%s is %s", (ip, cls) => {
    expect(classifyAddress(ip)).toBe(cls);
  });
});

describe("isIpLiteral / isAllowListed", () => {
  it("recognises literals and compares allow-list entries canonically", () => {
    expect(isIpLiteral("[::1]")).toBe(true);
    expect(isIpLiteral("127.0.0.1")).toBe(true);
    expect(isIpLiteral("example.com")).toBe(false);
    expect(isAllowListed("[0:0::1]", ["::1"])).toBe(true);
    expect(isAllowListed("LocalHost", ["localhost"])).toBe(true);
    expect(isAllowListed("127.0.0.2", ["127.0.0.1"])).toBe(false);
  });
});

/** Runs the guard and returns the FetchError code, or "ok". */
async function verdict(url: string, allowHosts: string[] = [], lookup?: (h: string) => Promise<string[]>) {
  try {
    await assertHostAllowed(new URL(url), allowHosts, lookup);
    return "ok";
  } catch (err) {
    return err instanceof FetchError ? err.code : String(err);
  }
}

describe("assertHostAllowed", () => {
  it("refuses non-public literal hosts, including odd IPv4 spellings normalised by the URL parser", async () => {
    for (const url of [
      "http://127.0.0.1/",
      "http://0x7f.0.0.1/",
      "http://2130706433/",
      "http://127.1/",
      "http://[::1]/",
      "http://[::ffff:127.0.0.1]/",
      "http://100.64.0.1/",
      "http://172.16.0.1/",
      "http://192.168.1.1/",
      "http://169.254.169.254/latest/meta-data/",
      "http://[fe80::1]/",
      "http://[fd00::1]/",
      "http://0.0.0.0/",
      "http://localhost/",
      "http://api.localhost/",
    ]) {
      expect([url, await verdict(url)]).toEqual([url, "blocked"]);
    }
  });

  it("lets allow-listed hosts through, except link-local", async () => {
    expect(await verdict("http://127.0.0.1:8080/", ["127.0.0.1"])).toBe("ok");
    expect(await verdict("http://localhost:8080/", ["LOCALHOST"])).toBe("ok");
    expect(await verdict("http://[::1]/", ["::1"])).toBe("ok");
    expect(await verdict("http://169.254.169.254/", ["169.254.169.254"])).toBe("blocked");
    expect(await verdict("http://[fe80::1]/", ["fe80::1"])).toBe("blocked");
    expect(
      await verdict("http://metadata.internal/", ["metadata.internal"], async () => ["169.254.169.254"]),
    ).toBe("blocked");
  });

  it("checks every address a name resolves to when lookup is given", async () => {
    const lookup = vi.fn(async (host: string) =>
      host === "feeds.example.com" ? ["93.184.216.34"] : ["93.184.216.34", "10.0.0.1"],
    );
    expect(await verdict("https://feeds.example.com/rss", [], lookup)).toBe("ok");
    expect(await verdict("https://mixed.example.com/rss", [], lookup)).toBe("blocked");
    expect(await verdict("https://mixed.example.com/rss", ["mixed.example.com"], lookup)).toBe("ok");
    expect(lookup).toHaveBeenCalledWith("feeds.example.com");
  });

  it("reports DNS failures and empty answers as network errors", async () => {
    expect(
      await verdict("https://nx.example.com/", [], async () => Promise.reject(new Error("ENOTFOUND"))),
    ).toBe("network");
    expect(await verdict("https://empty.example.com/", [], async () => [])).toBe("network");
  });

  it("allows names without lookup (Workers), since only literals can be checked there", async () => {
    expect(await verdict("https://feeds.example.com/")).toBe("ok");
  });
});
