import type { z } from "zod";
import { AppError, type FieldErrors, fieldsFromZod } from "./errors";
import type { AppContext } from "./http";
import type { FormState } from "./ui/forms";

const MAX_FIELD = 20_000;

/**
 * A submitted form as plain strings (files and repeated keys ignored; _csrf dropped).
 * NUL characters are removed: nobody types them and PostgreSQL text can't store them.
 */
export async function readForm(c: AppContext): Promise<Record<string, string>> {
  const body = await c.req.parseBody();
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(body)) {
    if (key === "_csrf" || typeof value !== "string") continue;
    values[key] = value.slice(0, MAX_FIELD).replaceAll("\u0000", "");
  }
  return values;
}

/** The field errors of a failed operation, or rethrows anything else. */
export function fieldErrorsOf(error: unknown): FieldErrors {
  if (error instanceof AppError && error.fields) return error.fields;
  throw error;
}

/**
 * A list typed in one input (phones, emails) with commas, semicolons or lines between the
 * items: its items, trimmed, empty ones left out.
 */
export const formListItems = (value: string | undefined): string[] =>
  (value ?? "")
    .split(/[,;\n]/)
    .map((v) => v.trim())
    .filter(Boolean);

/**
 * Field errors under a form's input names: `inputOf` names the input a domain path ("titleEs",
 * "phones.2") is typed in, and an input shows one message, the first.
 */
export function errorsByInput(errors: FieldErrors, inputOf: (path: string) => string): FieldErrors {
  const out: FieldErrors = {};
  for (const [path, key] of Object.entries(errors)) out[inputOf(path)] ??= key;
  return out;
}

/** The input of a path's first part ("phones.2" -> "phones"), renamed when `names` lists it. */
export const inputOfHead =
  (names: Record<string, string>) =>
  (path: string): string => {
    const head = path.split(".")[0] ?? "";
    return names[head] ?? head;
  };

export type Parsed<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

export function parseWith<S extends z.ZodType>(schema: S, input: unknown): Parsed<z.infer<S>> {
  const result = schema.safeParse(input, { reportInput: true });
  return result.success
    ? { ok: true, data: result.data }
    : { ok: false, errors: fieldsFromZod(result.error) };
}

/**
 * The one way a form is handled: parse what was typed with the schema, run the operation,
 * and on field errors (from parsing, or an AppError the operation throws) give back the
 * form with what was typed and a message key per field, for the page to re-render (422).
 *
 *   const outcome = await submitForm({ values, schema: ThingSchema, run: (d) => createThing(deps, actor, d) });
 *   if (!outcome.ok) return render(c, <ThingFormPage {...pageView(c)} form={outcome.form} />, 422);
 */
export async function submitForm<S extends z.ZodType, R>(options: {
  values: Record<string, string>;
  schema: S;
  run: (data: z.infer<S>) => Promise<R>;
  /** What the schema parses, when it isn't the typed values themselves. */
  input?: unknown;
  /** Renames error keys to the form's field names. */
  mapErrors?: (errors: FieldErrors) => FieldErrors;
}): Promise<{ ok: true; result: R } | { ok: false; form: FormState }> {
  const again = (errors: FieldErrors) => ({
    ok: false as const,
    form: {
      values: options.values,
      errors: options.mapErrors ? options.mapErrors(errors) : errors,
    },
  });
  const parsed = parseWith(options.schema, options.input ?? options.values);
  if (!parsed.ok) return again(parsed.errors);
  try {
    return { ok: true, result: await options.run(parsed.data) };
  } catch (error) {
    return again(fieldErrorsOf(error));
  }
}
