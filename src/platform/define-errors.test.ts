import { describe, expect, it } from "vitest";
import { z } from "zod";
import { common } from "./common.messages";
import { defineErrors, errorMessage, fieldErrorMessage, fieldMessages } from "./define-errors";
import { AppError, type ErrorCode, type FieldErrorKey, fieldsFromZod } from "./errors";

// A module of this test declares its own codes, as defense.errors.ts does.
const sampleErrors = defineErrors("sample", {
  codes: {
    sample_locked: { status: 409, es: "La muestra está cerrada.", en: "The sample is closed." },
  },
  fields: { sample_odd: { es: "Tiene que ser par.", en: "It must be even." } },
});

declare module "./errors" {
  interface ModuleErrorCodes {
    sample: typeof sampleErrors.codes;
  }
  interface ModuleFieldErrorKeys {
    sample: typeof sampleErrors.fields;
  }
}

describe("defineErrors", () => {
  it("gives a module's code its status and its texts in both languages", () => {
    const code: ErrorCode = "sample_locked";
    const error = new AppError(code, { n: "sample_odd" });
    expect(error.status).toBe(409);
    expect(errorMessage("sample_locked", "es")).toBe("La muestra está cerrada.");
    expect(errorMessage("sample_locked", "en")).toBe("The sample is closed.");
    expect(fieldMessages({ n: "sample_odd" }, "en")).toEqual({
      n: { code: "sample_odd", message: "It must be even." },
    });
  });

  it("adds the texts to the common catalog, so existing lookups find them", () => {
    expect(common.es.field_sample_odd).toBe("Tiene que ser par.");
    expect(common.en.error_sample_locked).toBe("The sample is closed.");
  });

  it("keeps the shared codes and texts as they were", () => {
    expect(new AppError("not_found").status).toBe(404);
    expect(new AppError("validation_failed").status).toBe(422);
    expect(errorMessage("not_found", "en")).toBe("We couldn't find that page or record.");
    expect(fieldErrorMessage("required", "es")).toBe("Este campo es obligatorio.");
  });

  it("lets a Zod message name a module's field key", () => {
    const schema = z.object({
      n: z.number().refine((n) => n % 2 === 0, sampleErrors.field.sample_odd),
    });
    const result = schema.safeParse({ n: 3 }, { reportInput: true });
    expect(result.success).toBe(false);
    const key: FieldErrorKey | undefined = result.success
      ? undefined
      : fieldsFromZod(result.error).n;
    expect(key).toBe("sample_odd");
  });

  it("refuses a code that is shared or declared by another module", () => {
    expect(() =>
      defineErrors("other", { codes: { not_found: { status: 404, es: "x", en: "x" } } }),
    ).toThrow(/error_not_found is already declared/);
    expect(() =>
      defineErrors("other", { fields: { sample_odd: { es: "Impar.", en: "Odd." } } }),
    ).toThrow(/field_sample_odd is already declared/);
  });

  it("accepts the same declaration loaded twice", () => {
    expect(() =>
      defineErrors("sample", {
        fields: { sample_odd: { es: "Tiene que ser par.", en: "It must be even." } },
      }),
    ).not.toThrow();
  });
});
