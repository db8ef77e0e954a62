import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import "../src/app";
import { errorMessage, fieldErrorMessage } from "../src/platform/define-errors";
import { AppError, isKnownFieldErrorKey } from "../src/platform/errors";

// Modules declare their own codes beside their code (platform/define-errors.ts). A code
// thrown but declared nowhere the app loads would answer 500 with no message: this walks
// every `new AppError("…")` and `invalid({ x: "…" })` in src and checks each is known, with
// a status below 500 and a text in both languages, once the app is loaded.

const SRC = join(dirname(fileURLToPath(import.meta.url)), "..", "src");

function sourceText(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceText(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)
      ? [readFileSync(path, "utf8")]
      : [];
  });
}

const texts = sourceText(SRC);
const thrownCodes = new Set(
  texts.flatMap((t) => [...t.matchAll(/new AppError\("(\w+)"/g)].map((m) => m[1] as string)),
);
const fieldKeys = new Set(
  texts.flatMap((t) =>
    [...t.matchAll(/invalid\(\{ ?\w+: "(\w+)" ?\}\)/g)].map((m) => m[1] as string),
  ),
);

describe("error codes the app gives", () => {
  it("finds the codes it checks", () => {
    expect(thrownCodes.size).toBeGreaterThan(20);
    expect(fieldKeys.size).toBeGreaterThan(5);
  });

  it.each([...thrownCodes])("%s has a 4xx status and a text in both languages", (code) => {
    const error = new AppError(code as never);
    expect(error.status).toBeGreaterThanOrEqual(400);
    expect(error.status).toBeLessThan(500);
    expect(errorMessage(code, "es")).not.toBe("");
    expect(errorMessage(code, "en")).not.toBe("");
  });

  it.each([...fieldKeys])("field key %s is declared with both texts", (key) => {
    expect(isKnownFieldErrorKey(key)).toBe(true);
    expect(fieldErrorMessage(key, "es")).not.toBe("");
    expect(fieldErrorMessage(key, "en")).not.toBe("");
  });
});
