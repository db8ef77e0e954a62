import { BlockList, isIP } from "node:net";
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";

// The address a request came from, for rate limits (sign-in, "I called", RSVPs, votes).
// The socket's peer, unless it is a proxy the operator trusts (AMPARO_TRUSTED_PROXIES):
// then the address that proxy wrote in the header it is set to send
// (AMPARO_CLIENT_ADDRESS_HEADER). A forwarded header from anyone else is ignored, or a
// visitor could pick a fresh address for every guess.

export const CLIENT_ADDRESS_HEADERS = [
  "x-forwarded-for",
  "x-real-ip",
  "forwarded",
  "cf-connecting-ip",
] as const;
export type ClientAddressHeader = (typeof CLIENT_ADDRESS_HEADERS)[number];

export type TrustedProxies = {
  /** Addresses and CIDR ranges of the proxies in front of Amparo; empty: trust none. */
  list: BlockList;
  ranges: readonly string[];
  header: ClientAddressHeader;
};

/** "127.0.0.1, 10.0.0.0/8, ::1" -> the trusted set; throws a one-line error on a bad entry. */
export function parseTrustedProxies(
  value: string | undefined,
  header: ClientAddressHeader = "x-forwarded-for",
): TrustedProxies {
  const list = new BlockList();
  const ranges = (value ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  for (const entry of ranges) {
    const [address = "", bits, extra] = entry.split("/");
    const type = isIP(address);
    const prefix = bits === undefined ? null : Number(bits);
    const max = type === 4 ? 32 : 128;
    if (
      type === 0 ||
      extra !== undefined ||
      (prefix !== null && (!/^\d{1,3}$/.test(bits ?? "") || (prefix ?? 0) > max))
    ) {
      throw new Error(
        `"${entry}" is not an address or range (use 10.0.0.1, 10.0.0.0/8 or fd00::/8)`,
      );
    }
    const family = type === 4 ? "ipv4" : "ipv6";
    if (prefix === null) list.addAddress(address, family);
    else list.addSubnet(address, prefix, family);
  }
  return { list, ranges, header };
}

/** "::ffff:10.0.0.1" (IPv4 on a dual-stack socket) -> "10.0.0.1"; brackets and ports off. */
export function plainAddress(value: string): string {
  let v = value.trim();
  if (v.startsWith("[")) v = v.slice(1, v.indexOf("]") === -1 ? undefined : v.indexOf("]"));
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(v)) v = v.slice(0, v.lastIndexOf(":"));
  if (/^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(v)) v = v.slice(7);
  return v;
}

function trusted(proxies: TrustedProxies, address: string): boolean {
  const type = isIP(address);
  if (type === 0 || proxies.ranges.length === 0) return false;
  return proxies.list.check(address, type === 4 ? "ipv4" : "ipv6");
}

/** The addresses a header lists, nearest proxy last (as X-Forwarded-For writes them). */
function hops(header: ClientAddressHeader, value: string): string[] {
  if (header === "forwarded") {
    return value
      .split(",")
      .map((element) => /(?:^|;)\s*for=("?)([^";,]+)\1/i.exec(element)?.[2] ?? "")
      .map(plainAddress);
  }
  const parts = header === "x-forwarded-for" ? value.split(",") : [value];
  return parts.map(plainAddress);
}

/**
 * The client's address given the socket's peer and the request's headers. Walking the
 * forwarded list from the nearest hop, trusted proxies are skipped; the first address that
 * isn't one is the client (what a client wrote further left is theirs to invent).
 */
export function resolveClientAddress(
  peer: string | undefined,
  headerOf: (name: string) => string | undefined,
  proxies: TrustedProxies,
): string {
  const remote = plainAddress(peer ?? "");
  if (!remote) return "unknown";
  if (!trusted(proxies, remote)) return remote;
  const value = headerOf(proxies.header);
  if (!value) return remote;
  const list = hops(proxies.header, value);
  for (let i = list.length - 1; i >= 0; i--) {
    const hop = list[i] ?? "";
    if (isIP(hop) === 0) return remote;
    if (!trusted(proxies, hop)) return hop;
  }
  return list[0] || remote;
}

/** The request's client address (see above); "unknown" when there is no socket (tests). */
export function clientAddress(c: Context, proxies: TrustedProxies): string {
  let peer: string | undefined;
  try {
    peer = getConnInfo(c).remote.address;
  } catch {
    peer = undefined;
  }
  return resolveClientAddress(peer, (name) => c.req.header(name), proxies);
}
