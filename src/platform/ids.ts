import { z } from "zod";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Ids that can't be a row's id are answered as unknown ones, before reaching the database.
 * Upper case is accepted (RFC 4122 says so); compare and store the lower-case form.
 */
export function isUuid(value: unknown): value is string {
  return typeof value === "string" && UUID.test(value);
}

/** A UUID field of a form or body, in the lower-case form ids are stored and compared in. */
export function uuidInput(message?: string) {
  return z.uuid(message).transform((v) => v.toLowerCase());
}
