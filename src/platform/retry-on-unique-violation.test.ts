import { describe, expect, it } from "vitest";
import { retryOnUniqueViolation } from "./errors";

const uniqueViolation = () => Object.assign(new Error("duplicate key"), { code: "23505" });

describe("retryOnUniqueViolation", () => {
  it("runs again after a unique violation and answers what the next attempt returns", async () => {
    let calls = 0;
    const result = await retryOnUniqueViolation(async () => {
      calls++;
      if (calls === 1) throw uniqueViolation();
      return "done";
    });
    expect(result).toBe("done");
    expect(calls).toBe(2);
  });

  it("gives up after three attempts with the last error", async () => {
    let calls = 0;
    await expect(
      retryOnUniqueViolation(async () => {
        calls++;
        throw uniqueViolation();
      }),
    ).rejects.toMatchObject({ code: "23505" });
    expect(calls).toBe(3);
  });

  it("does not run again after any other error", async () => {
    let calls = 0;
    await expect(
      retryOnUniqueViolation(async () => {
        calls++;
        throw new Error("other");
      }),
    ).rejects.toThrow("other");
    expect(calls).toBe(1);
  });
});
