import ipaddr from "ipaddr.js";
import { FetchError } from "./fetch-error";

/** Coarse class of an IP address, as far as outbound fetching is concerned. */
export type AddressClass =
  | "public"
  | "loopback"
  | "private"
  | "link-local"
  | "cgnat"
  | "unspecified"
  | "multicast"
  | "reserved";

/** Resolves a host name to its IP addresses (injected by the Node runtime; absent on Workers). */
export type LookupFn = (hostname: string) => Promise<string[]>;

const IPV4_CLASSES: Record<string, AddressClass> = {
  unicast: "public",
  loopback: "loopback",
  private: "private",
  linkLocal: "link-local",
  carrierGradeNat: "cgnat",
  unspecified: "unspecified",
  multicast: "multicast",
  broadcast: "multicast",
};

const IPV6_CLASSES: Record<string, AddressClass> = {
  loopback: "loopback",
  uniqueLocal: "private",
  deprecatedSiteLocal: "private",
  linkLocal: "link-local",
  unspecified: "unspecified",
  multicast: "multicast",
};

/** Removes the brackets around an IPv6 URL host and a trailing dot of a DNS name. */
function bareHost(host: string): string {
  const h = host.trim().toLowerCase();
  if (h.startsWith("[") && h.endsWith("]")) return h.slice(1, -1);
  return h.endsWith(".") ? h.slice(0, -1) : h;
}

/** True when `host` (bracketed or not) is an IPv4 dotted-quad or an IPv6 literal. */
export function isIpLiteral(host: string): boolean {
  const h = bareHost(host);
  return ipaddr.IPv4.isValidFourPartDecimal(h) || (h.includes(":") && ipaddr.IPv6.isValid(h));
}

/** The IPv4 address carried in the low 32 bits of an IPv6 address. */
function low32(addr: ipaddr.IPv6): ipaddr.IPv4 {
  const b = addr.toByteArray();
  return new ipaddr.IPv4(b.slice(12, 16));
}

/** Classifies an IPv4 address by its special-purpose range. */
function classifyV4(addr: ipaddr.IPv4): AddressClass {
  return IPV4_CLASSES[addr.range()] ?? "reserved";
}

/** Classifies an IPv6 address, looking through IPv4-mapped, NAT64 and 6to4 forms to the IPv4 inside. */
function classifyV6(addr: ipaddr.IPv6): AddressClass {
  if (addr.isIPv4MappedAddress()) return classifyV4(addr.toIPv4Address());
  const range: string = addr.range();
  if (range === "rfc6052" && addr.match(ipaddr.IPv6.parse("64:ff9b::"), 96)) return classifyV4(low32(addr));
  if (range === "6to4") {
    const b = addr.toByteArray();
    return classifyV4(new ipaddr.IPv4(b.slice(2, 6)));
  }
  const named = IPV6_CLASSES[range];
  if (named) return named;
  // Only global unicast (2000::/3) counts as public; teredo, documentation, ORCHID, NAT64 local use,
  // IPv4-compatible (::a.b.c.d) and everything outside 2000::/3 are refused.
  if (range === "unicast" && addr.match(ipaddr.IPv6.parse("2000::"), 3)) return "public";
  return "reserved";
}

/** Classifies a literal IP address (IPv4, IPv6, bracketed IPv6, IPv4-mapped IPv6); invalid input is "reserved". */
export function classifyAddress(ip: string): AddressClass {
  const h = bareHost(ip);
  try {
    if (ipaddr.IPv4.isValidFourPartDecimal(h)) return classifyV4(ipaddr.IPv4.parse(h));
    if (h.includes(":") && ipaddr.IPv6.isValid(h)) return classifyV6(ipaddr.IPv6.parse(h));
  } catch {
    return "reserved";
  }
  return "reserved";
}

/** Canonical form of a host for allow-list comparison (IP literals normalised, names lower-cased). */
function hostKey(host: string): string {
  const h = bareHost(host);
  try {
    if (isIpLiteral(h)) return ipaddr.process(h).toString();
  } catch {
    // fall through to the plain name
  }
  return h;
}

/** True when the host appears in the allow-list (exact host match, case-insensitive, IPs compared canonically). */
export function isAllowListed(host: string, allowHosts: readonly string[]): boolean {
  const key = hostKey(host);
  return allowHosts.some((entry) => hostKey(entry) === key);
}

/** Whether an address of this class may be fetched; allow-listed hosts pass anything except link-local. */
function permitted(cls: AddressClass, allowListed: boolean): boolean {
  if (cls === "public") return true;
  if (cls === "link-local") return false;
  return allowListed;
}

/** True for `localhost` and names under `.localhost`, which always mean loopback. */
function isLocalhostName(host: string): boolean {
  return host === "localhost" || host.endsWith(".localhost");
}

/**
 * Throws FetchError `blocked` unless the URL's host may be fetched: IP literals are checked directly,
 * names through `lookup` when given (every resolved address must pass), `localhost` is loopback.
 */
export async function assertHostAllowed(
  url: URL,
  allowHosts: readonly string[],
  lookup?: LookupFn,
): Promise<void> {
  const host = bareHost(url.hostname);
  const listed = isAllowListed(host, allowHosts);
  const refuse = (why: string): never => {
    throw new FetchError("blocked", url.href, `refused to fetch ${why}`);
  };
  if (isIpLiteral(host)) {
    const cls = classifyAddress(host);
    if (!permitted(cls, listed)) refuse(`${cls} address ${host}`);
    return;
  }
  if (isLocalhostName(host) && !listed) refuse(`loopback host ${host}`);
  if (!lookup) return;
  let addresses: string[];
  try {
    addresses = await lookup(host);
  } catch (err) {
    throw new FetchError("network", url.href, `DNS lookup failed for ${host}`, { cause: err });
  }
  if (addresses.length === 0)
    throw new FetchError("network", url.href, `DNS lookup found no address for ${host}`);
  for (const address of addresses) {
    const cls = classifyAddress(address);
    if (!permitted(cls, listed)) refuse(`${host}, which resolves to ${cls} address ${address}`);
  }
}
