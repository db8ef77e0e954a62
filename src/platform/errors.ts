import type { z } from "zod";

// Typed errors with stable ids, mapped to HTTP in one place (platform/error-handler.tsx).
// `fields` maps a form field to a message key from validation messages.
// The codes below are shared; a module declares its own beside its code with
// `defineErrors` (platform/define-errors.ts), which fills ModuleErrorCodes/ModuleFieldErrorKeys.
export type CoreErrorCode =
  | "bad_request"
  | "validation_failed"
  | "unauthorized"
  | "session_expired"
  | "forbidden"
  | "csrf_failed"
  | "not_found"
  | "conflict"
  | "already_set_up"
  | "rate_limited"
  | "payload_too_large"
  | "unsupported_media_type"
  // given by several modules (funds and supplies ledgers, approvals, webhooks)
  | "self_approval"
  | "already_reversed"
  | "not_reversible"
  | "wrong_status"
  | "invalid_signature";

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429;

/** Module name -> its declared codes (augmented by each module's `*.errors.ts`). */
// biome-ignore lint/suspicious/noEmptyInterface: filled in by each module's declaration
export interface ModuleErrorCodes {}
/** Module name -> its declared field error keys (augmented by each module's `*.errors.ts`). */
// biome-ignore lint/suspicious/noEmptyInterface: filled in by each module's declaration
export interface ModuleFieldErrorKeys {}
type Declared<R> = { [M in keyof R]: keyof R[M] }[keyof R] & string;

export type ErrorCode = CoreErrorCode | Declared<ModuleErrorCodes>;

const STATUS: Record<CoreErrorCode, ErrorStatus> = {
  bad_request: 400,
  validation_failed: 422,
  unauthorized: 401,
  session_expired: 401,
  forbidden: 403,
  csrf_failed: 403,
  not_found: 404,
  conflict: 409,
  already_set_up: 409,
  rate_limited: 429,
  payload_too_large: 413,
  unsupported_media_type: 415,
  self_approval: 403,
  already_reversed: 409,
  not_reversible: 409,
  wrong_status: 409,
  invalid_signature: 400,
};

export type CoreFieldErrorKey =
  | "required"
  | "one_language"
  | "too_long"
  | "invalid_email"
  | "invalid_phone"
  | "invalid_choice"
  | "invalid_date"
  | "invalid_slug"
  | "invalid_time_zone"
  | "password_too_short"
  | "passwords_differ"
  | "slug_taken"
  | "wrong_type"
  | "unknown_field"
  | "invalid_amount"
  // money (platform/money.ts) and keys several modules give
  | "amount_not_positive"
  | "amount_fractional"
  | "amount_too_large"
  | "amount_not_a_number"
  | "case_not_found"
  | "not_a_member"
  | "too_many"
  | "invalid"
  | "closes_before_opens"
  | "invalid_contact"
  | "invalid_clock";

export type FieldErrorKey = CoreFieldErrorKey | Declared<ModuleFieldErrorKeys>;

export type FieldErrors = Record<string, FieldErrorKey>;

// Statuses of codes declared by modules, filled in when the module loads.
const declaredStatus = new Map<string, ErrorStatus>();

/** Whether a code is already taken (shared or declared by a module). */
export function isKnownErrorCode(code: string): boolean {
  return Object.hasOwn(STATUS, code) || declaredStatus.has(code);
}

/** Used by defineErrors only. */
export function registerErrorCode(code: string, status: ErrorStatus): void {
  declaredStatus.set(code, status);
}

/** Used by defineErrors only. */
export function registerFieldErrorKey(key: string): void {
  FIELD_KEYS.add(key);
}

export function isKnownFieldErrorKey(key: string): boolean {
  return FIELD_KEYS.has(key);
}

function statusOf(code: ErrorCode): number {
  return (STATUS as Record<string, ErrorStatus>)[code] ?? declaredStatus.get(code) ?? 500;
}

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly fields?: FieldErrors,
    readonly retryAfterSeconds?: number,
  ) {
    super(code);
    this.status = statusOf(code);
  }
}

export const notFound = () => new AppError("not_found");
export const forbidden = () => new AppError("forbidden");
export const invalid = (fields: FieldErrors) => new AppError("validation_failed", fields);

/**
 * Turns Zod issues into field -> message key, first issue per field wins.
 * Parse with `{ reportInput: true }` so a wrong type can be told from a missing value.
 */
export function fieldsFromZod(error: z.ZodError, input?: unknown): FieldErrors {
  const fields: FieldErrors = {};
  for (const reported of error.issues) {
    // Parsed without reportInput (a validator middleware): find the value by its path.
    const issue =
      reported.input === undefined && input !== undefined
        ? ({ ...reported, input: valueAt(input, reported.path) } as z.core.$ZodIssue)
        : reported;
    const name = issue.path.length ? issue.path.map(String).join(".") : "_";
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) fields[[...issue.path, key].join(".")] ??= "unknown_field";
      continue;
    }
    fields[name] ??= keyForIssue(issue);
  }
  return fields;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (!value || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function keyForIssue(issue: z.core.$ZodIssue): FieldErrorKey {
  // A value of the wrong type (a number for a name) is "wrong_type", even where the
  // schema's own message says "required" for a missing one.
  const present = issue.input !== undefined && issue.input !== null;
  if (issue.code === "invalid_type" && present && issue.message === "required") return "wrong_type";
  if (issue.message && isFieldErrorKey(issue.message)) return issue.message;
  switch (issue.code) {
    case "too_big":
      return "too_long";
    case "too_small":
      return "required";
    case "invalid_type":
      return issue.input === undefined || issue.input === null ? "required" : "wrong_type";
    case "invalid_value":
      return "invalid_choice";
    default:
      return "invalid";
  }
}

const FIELD_KEYS = new Set<string>([
  "required",
  "one_language",
  "too_long",
  "invalid_email",
  "invalid_phone",
  "invalid_choice",
  "invalid_date",
  "invalid_slug",
  "invalid_time_zone",
  "password_too_short",
  "passwords_differ",
  "slug_taken",
  "wrong_type",
  "unknown_field",
  "invalid_amount",
  "amount_not_positive",
  "amount_fractional",
  "amount_too_large",
  "amount_not_a_number",
  "case_not_found",
  "not_a_member",
  "too_many",
  "invalid",
  "closes_before_opens",
  "invalid_contact",
  "invalid_clock",
]);

function isFieldErrorKey(text: string): text is FieldErrorKey {
  return FIELD_KEYS.has(text);
}

/** Postgres unique violation, recognized by SQLSTATE, never by message text. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = findPgError(error);
  return !!e && e.code === "23505" && (!constraint || e.constraint === constraint);
}

/**
 * Runs `write` (a whole transaction, or one statement of one), throwing `refusal` instead
 * of a unique violation: what it would write is already there (a slug taken, an email on
 * another person, a second sign-up, a reversal already made). Anything else is thrown as is.
 */
export async function onUniqueViolation<T>(refusal: AppError, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw refusal;
    throw error;
  }
}

/**
 * `write` with a unique violation answered as the field error `slug: slug_taken`: the
 * writes of a record whose slug is unique in the organization (an action, a campaign, a
 * drive), where the slug is the one unique field a form sends.
 */
export const slugTakenOnClash = <T>(write: () => Promise<T>): Promise<T> =>
  onUniqueViolation(invalid({ slug: "slug_taken" }), write);

/**
 * Runs `once` again (up to `times` in all) while it fails on a unique violation: for a
 * transaction that checks, then inserts, and can lose the race to a parallel writer. Each
 * attempt must be a whole transaction: the failed one rolled back, the next finds the
 * other writer's row.
 */
export async function retryOnUniqueViolation<T>(once: () => Promise<T>, times = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await once();
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= times) throw error;
    }
  }
}

/**
 * An error PostgreSQL itself answered (it has a SQLSTATE): the statement was refused and,
 * outside a transaction, nothing of it was written. A lost connection has none: then the
 * statement may or may not have committed.
 */
export function isDatabaseRefusal(error: unknown): boolean {
  return findPgError(error) !== null;
}

function findPgError(error: unknown): { code?: string; constraint?: string } | null {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === "object"; depth++) {
    const e = current as { code?: unknown; constraint?: string; cause?: unknown };
    if (typeof e.code === "string" && /^[0-9A-Z]{5}$/.test(e.code)) return e as { code: string };
    current = e.cause;
  }
  return null;
}
