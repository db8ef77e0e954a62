import { expect } from "vitest";

// Checking the JSON API's error contract in tests.

/** Every error is `{error: {code, message, fields?}}` with a 4xx status; returns the error. */
export function expectApiError(
  // biome-ignore lint/suspicious/noExplicitAny: reads arbitrary JSON
  res: { status: number; json: any },
  status: number,
  code: string,
) {
  expect(res.status, JSON.stringify(res.json)).toBe(status);
  expect(Object.keys(res.json)).toEqual(["error"]);
  const { error } = res.json;
  expect(error.code).toBe(code);
  expect(typeof error.message).toBe("string");
  expect(error.message.length).toBeGreaterThan(5);
  for (const key of Object.keys(error)) expect(["code", "message", "fields"]).toContain(key);
  if (error.fields) {
    for (const f of Object.values(error.fields) as { code: string; message: string }[]) {
      expect(Object.keys(f).sort()).toEqual(["code", "message"]);
      expect(f.message.length).toBeGreaterThan(5);
    }
  }
  return error as {
    code: string;
    message: string;
    fields?: Record<string, { code: string; message: string }>;
  };
}
