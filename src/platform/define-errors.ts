import { common } from "./common.messages";
import {
  type ErrorStatus,
  type FieldErrors,
  isKnownErrorCode,
  isKnownFieldErrorKey,
  registerErrorCode,
  registerFieldErrorKey,
} from "./errors";
import type { Lang } from "./i18n";

// A module declares its own error codes (with their HTTP status) and field error keys,
// with their Spanish and English texts, beside its code in `<module>.errors.ts`:
//
//   export const fundsErrors = defineErrors("funds", {
//     codes: { insufficient_funds: { status: 409, es: "…", en: "…" } },
//     fields: { amount_fractional: { es: "…", en: "…" } },
//   });
//   declare module "../../platform/errors" {
//     interface ModuleErrorCodes { funds: typeof fundsErrors.codes }
//     interface ModuleFieldErrorKeys { funds: typeof fundsErrors.fields }
//   }
//
// Then `new AppError("insufficient_funds")` and `invalid({ amount: "amount_fractional" })`
// type-check, and the error handler, forms and the API answer with these texts. A code
// must be new: one that is shared or declared by another module stops the app at load.

export type ErrorTexts = { readonly es: string; readonly en: string };
export type CodeSpec = ErrorTexts & { readonly status: ErrorStatus };

export type DeclaredErrors<C, F> = {
  readonly module: string;
  readonly codes: C;
  readonly fields: F;
  /** Each field key by name, for Zod messages (`.max(40, defenseErrors.field.invalid_a_number)`). */
  readonly field: { readonly [K in keyof F]: K };
};

// biome-ignore lint/complexity/noBannedTypes: "declares nothing" is the empty object
type None = {};

export function defineErrors<
  C extends Record<string, CodeSpec> = None,
  F extends Record<string, ErrorTexts> = None,
>(module: string, spec: { codes?: C; fields?: F }): DeclaredErrors<C, F> {
  const codes = (spec.codes ?? {}) as C;
  const fields = (spec.fields ?? {}) as F;
  for (const [code, { status, es, en }] of Object.entries(codes)) {
    claim(module, `error_${code}`, es, en, isKnownErrorCode(code));
    registerErrorCode(code, status);
  }
  for (const [key, { es, en }] of Object.entries(fields)) {
    claim(module, `field_${key}`, es, en, isKnownFieldErrorKey(key));
    registerFieldErrorKey(key);
  }
  const field = Object.fromEntries(Object.keys(fields).map((k) => [k, k])) as {
    [K in keyof F]: K;
  };
  return { module, codes, fields, field };
}

/** The text of an error code in a language (shared or declared by a module). */
export function errorMessage(code: string, lang: Lang): string {
  return textOf(lang, `error_${code}`);
}

/** The text of a field error key in a language (shared or declared by a module). */
export function fieldErrorMessage(key: string, lang: Lang): string {
  return textOf(lang, `field_${key}`);
}

/** Field errors as the API shows them: field -> { code, message }. */
export function fieldMessages(fields: FieldErrors, lang: Lang) {
  return Object.fromEntries(
    Object.entries(fields).map(([k, v]) => [k, { code: v, message: fieldErrorMessage(v, lang) }]),
  );
}

function textOf(lang: Lang, key: string): string {
  const value = (common[lang] as Record<string, unknown>)[key];
  return typeof value === "string" ? value : "";
}

// The texts join the common catalog, so every existing `common[lang].field_x` lookup
// (forms, pages) finds a module's keys as it finds the shared ones.
function claim(module: string, key: string, es: string, en: string, taken: boolean) {
  const catalog = {
    es: common.es as Record<string, unknown>,
    en: common.en as Record<string, unknown>,
  };
  // Loading the same declaration twice (a test importing a module again) is harmless.
  if (taken && (catalog.es[key] !== es || catalog.en[key] !== en)) {
    throw new Error(`${module}: ${key} is already declared elsewhere`);
  }
  catalog.es[key] = es;
  catalog.en[key] = en;
}
