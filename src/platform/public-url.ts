// The one place that decides the address public links and QR codes are built on.
//
// Only an address the operator set counts: AMPARO_PUBLIC_URL (config.publicUrl), or an
// organization's own setting when there is one. Never the request's Host header: anyone can
// send any Host, and a link built from it would carry a forged address into share links,
// flyers and calendar files, and split cached public pages per forged value (issue 7,
// probe fault 7). Without a public address, links are relative ("/p/org/c/slug"), flyers
// print no QR code, and staff pages warn (`publicAddressMissing`).

/** Where public pages are reached (no trailing slash), or null when nobody said. */
export function publicBaseUrl(
  config: { publicUrl?: string | undefined },
  org?: { publicUrl?: string | null | undefined } | null,
): string | null {
  const chosen = org?.publicUrl || config.publicUrl || null;
  return chosen ? chosen.replace(/\/+$/, "") : null;
}

/** A link to a public path: absolute on the public address, or the path itself without one. */
export function publicLink(base: string | null, path: string): string {
  return base ? `${base}${path}` : path;
}

/** True when staff should be told to set a public address (QR codes can't be made). */
export function publicAddressMissing(
  config: { publicUrl?: string | undefined },
  org?: { publicUrl?: string | null | undefined } | null,
): boolean {
  return publicBaseUrl(config, org) === null;
}

/** Whether a link is absolute (http or https): only those go into QR codes. */
export function isAbsoluteUrl(link: string): boolean {
  return /^https?:\/\/[^/]/i.test(link);
}
