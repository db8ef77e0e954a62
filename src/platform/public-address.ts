// The one place that decides the address people outside reach Amparo's public pages at
// (share links, QR codes on flyers, "View public page"). Only a configured address counts:
// AMPARO_PUBLIC_URL, or an organization's own setting when it has one. A request's Host
// header is never trusted for it (anyone can send any Host); without a configured address a
// link stays relative and the staff pages warn that printed QR codes won't work outside.

export type PublicAddressSources = {
  /** AMPARO_PUBLIC_URL, already without a trailing slash. */
  config: { publicUrl?: string | undefined };
  /** An organization's own public address, when it sets one. */
  org?: { publicUrl?: string | null | undefined } | null | undefined;
};

/** "https://amparo.example.org" (no trailing slash), or null when none is configured. */
export function publicBaseUrl(sources: PublicAddressSources): string | null {
  const chosen = sources.org?.publicUrl?.trim() || sources.config.publicUrl?.trim();
  if (!chosen) return null;
  try {
    const url = new URL(chosen);
    if (url.protocol !== "https:" && url.protocol !== "http:") return null;
    return `${url.origin}${url.pathname}`.replace(/\/+$/, "");
  } catch {
    return null;
  }
}

/** `path` ("/p/org/c/slug") made absolute on the public address, or left relative without one. */
export function publicLink(base: string | null, path: string): string {
  return base ? `${base}${path}` : path;
}

/** True for addresses only this machine (or this network) reaches: a QR code to them is useless. */
export function isPrivateAddress(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return true;
  }
  if (host === "localhost" || host.endsWith(".localhost") || host.endsWith(".local")) return true;
  if (host === "[::1]" || host.startsWith("[fe80:") || host.startsWith("[fd")) return true;
  const ip = /^(\d+)\.(\d+)\.\d+\.\d+$/.exec(host);
  if (!ip) return false;
  const a = Number(ip[1]);
  const b = Number(ip[2]);
  return (
    a === 127 ||
    a === 10 ||
    a === 0 ||
    (a === 192 && b === 168) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 169 && b === 254)
  );
}
