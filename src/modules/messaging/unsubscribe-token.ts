import { timingSafeEqual } from "node:crypto";
import type { FieldCipher } from "../../platform/crypto";
import { isUuid } from "../../platform/ids";

// The one-click unsubscribe link names the outbox message it came in (never the address)
// and carries a keyed fingerprint of it, so nobody can unsubscribe someone else by guessing.

const CONTEXT = "messaging:unsubscribe";

export function unsubscribeToken(cipher: FieldCipher, messageId: string): string {
  return `${messageId}.${cipher.fingerprint(messageId, CONTEXT).slice(0, 32)}`;
}

export function unsubscribeUrl(publicUrl: string, cipher: FieldCipher, messageId: string): string {
  return `${publicUrl}/u/${unsubscribeToken(cipher, messageId)}`;
}

/** The outbox message id a token names, or null when the token is not one we made. */
export function readUnsubscribeToken(cipher: FieldCipher, token: string): string | null {
  const [id = "", mac = ""] = token.split(".");
  if (!isUuid(id)) return null;
  const expected = Buffer.from(cipher.fingerprint(id, CONTEXT).slice(0, 32));
  const given = Buffer.from(mac);
  return expected.length === given.length && timingSafeEqual(expected, given) ? id : null;
}
