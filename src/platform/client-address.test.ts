import { describe, expect, it } from "vitest";
import { loadConfig } from "../config";
import { parseTrustedProxies, plainAddress, resolveClientAddress } from "./client-address";

const headers =
  (h: Record<string, string>) =>
  (name: string): string | undefined =>
    h[name];

describe("client address", () => {
  const proxies = parseTrustedProxies("10.0.0.1, 172.16.0.0/12, fd00::/8");

  it("is the socket's peer when no proxy is trusted, whatever the headers say", () => {
    const none = parseTrustedProxies(undefined);
    const forged = headers({ "x-forwarded-for": "203.0.113.9" });
    expect(resolveClientAddress("192.0.2.7", forged, none)).toBe("192.0.2.7");
    expect(resolveClientAddress("::ffff:192.0.2.7", forged, none)).toBe("192.0.2.7");
    expect(resolveClientAddress(undefined, forged, none)).toBe("unknown");
  });

  it("ignores a forwarded header from an address that isn't a trusted proxy", () => {
    const forged = headers({ "x-forwarded-for": "203.0.113.9" });
    expect(resolveClientAddress("192.0.2.7", forged, proxies)).toBe("192.0.2.7");
  });

  it("takes the nearest address that isn't a trusted proxy, from the right", () => {
    const xff = headers({ "x-forwarded-for": "1.2.3.4, 198.51.100.20, 172.16.5.5" });
    expect(resolveClientAddress("10.0.0.1", xff, proxies)).toBe("198.51.100.20");
    expect(resolveClientAddress("::ffff:10.0.0.1", xff, proxies)).toBe("198.51.100.20");
    expect(resolveClientAddress("fd00::5", xff, proxies)).toBe("198.51.100.20");
    // Nothing forwarded: the proxy itself; garbage: the proxy too, never the garbage.
    expect(resolveClientAddress("10.0.0.1", headers({}), proxies)).toBe("10.0.0.1");
    const junk = headers({ "x-forwarded-for": "evil, 198.51.100.20, not-an-ip" });
    expect(resolveClientAddress("10.0.0.1", junk, proxies)).toBe("10.0.0.1");
  });

  it("reads X-Real-IP, Forwarded and CF-Connecting-IP when told to", () => {
    const real = parseTrustedProxies("10.0.0.1", "x-real-ip");
    expect(resolveClientAddress("10.0.0.1", headers({ "x-real-ip": "198.51.100.3" }), real)).toBe(
      "198.51.100.3",
    );
    const fwd = parseTrustedProxies("10.0.0.1", "forwarded");
    const value = 'for=192.0.2.60;proto=https, for="[2001:db8::17]:4711"';
    expect(resolveClientAddress("10.0.0.1", headers({ forwarded: value }), fwd)).toBe(
      "2001:db8::17",
    );
    const cf = parseTrustedProxies("10.0.0.1", "cf-connecting-ip");
    expect(
      resolveClientAddress(
        "10.0.0.1",
        headers({ "cf-connecting-ip": "198.51.100.4", "x-forwarded-for": "1.1.1.1" }),
        cf,
      ),
    ).toBe("198.51.100.4");
  });

  it("writes addresses one way", () => {
    expect(plainAddress("[2001:db8::1]:443")).toBe("2001:db8::1");
    expect(plainAddress("192.0.2.1:8080")).toBe("192.0.2.1");
    expect(plainAddress(" ::FFFF:192.0.2.1 ")).toBe("192.0.2.1");
  });

  it("stops the app on a bad setting, with one line", () => {
    expect(() => loadConfig({ AMPARO_TRUSTED_PROXIES: "10.0.0.1, nope" })).toThrow(
      /AMPARO_TRUSTED_PROXIES: "nope" is not an address/,
    );
    expect(() => loadConfig({ AMPARO_TRUSTED_PROXIES: "10.0.0.0/33" })).toThrow(
      /AMPARO_TRUSTED_PROXIES/,
    );
    expect(() => loadConfig({ AMPARO_CLIENT_ADDRESS_HEADER: "x-evil" })).toThrow(
      /AMPARO_CLIENT_ADDRESS_HEADER must be one of/,
    );
    expect(loadConfig({ AMPARO_CLIENT_ADDRESS_HEADER: "X-Real-IP" }).trustedProxies.header).toBe(
      "x-real-ip",
    );
  });
});
