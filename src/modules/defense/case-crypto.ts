import type { FieldCipher } from "../../platform/crypto";
import type { CaseFields } from "./case";
import { caseSensitiveContext } from "./case-record";

type Sensitive = Pick<CaseFields, "aNumber" | "birthdate" | "notes">;

/**
 * Column values for the sensitive fields that were given: a value is encrypted, null
 * clears, and a field left undefined is not touched (it is absent from the result).
 */
export function encryptCaseSensitive(cipher: FieldCipher, id: string, input: Sensitive) {
  const box = (value: string | null | undefined, field: "a_number" | "birthdate" | "notes") =>
    value === undefined
      ? undefined
      : value === null
        ? null
        : cipher.encrypt(value, caseSensitiveContext(id, field));
  const out: {
    aNumberEnc?: string | null;
    birthdateEnc?: string | null;
    notesEnc?: string | null;
  } = {};
  const a = box(input.aNumber, "a_number");
  const b = box(input.birthdate, "birthdate");
  const n = box(input.notes, "notes");
  if (a !== undefined) out.aNumberEnc = a;
  if (b !== undefined) out.birthdateEnc = b;
  if (n !== undefined) out.notesEnc = n;
  return out;
}

/** Names of the sensitive fields present in an input (for the audit log, never values). */
export function sensitiveFieldsIn(input: Sensitive): string[] {
  return (["aNumber", "birthdate", "notes"] as const).filter((k) => input[k] !== undefined);
}
