import { describe, expect, it } from "vitest";
import { groupCommit } from "./group-commit";

const tick = () => new Promise((r) => setImmediate(r));

describe("group commit", () => {
  it("sends a lone request at once, and those arriving while it runs together", async () => {
    const batches: number[][] = [];
    let release: () => void = () => {};
    const commit = groupCommit<number, number>({
      inFlight: 1,
      most: 10,
      run: async (items) => {
        batches.push(items);
        if (batches.length === 1) await new Promise<void>((r) => (release = r));
        return items.map((i) => i * 2);
      },
    });
    const first = commit(1);
    await tick();
    const rest = [2, 3, 4].map((i) => commit(i));
    await tick();
    expect(batches).toEqual([[1]]);
    release();
    expect(await first).toBe(2);
    expect(await Promise.all(rest)).toEqual([4, 6, 8]);
    expect(batches).toEqual([[1], [2, 3, 4]]);
  });

  it("never puts two clashing requests in one statement, nor more than `most`", async () => {
    const batches: string[][] = [];
    const commit = groupCommit<string, string>({
      inFlight: 1,
      most: 3,
      clash: (a, b) => a === b,
      run: async (items) => {
        batches.push(items);
        return items;
      },
    });
    const answers = await Promise.all(["a", "a", "b", "c", "d", "a"].map((k) => commit(k)));
    expect(answers).toEqual(["a", "a", "b", "c", "d", "a"]);
    for (const b of batches) {
      expect(b.length).toBeLessThanOrEqual(3);
      expect(new Set(b).size).toBe(b.length);
    }
    expect(batches.flat().sort()).toEqual(["a", "a", "a", "b", "c", "d"]);
  });

  it("answers each request with its own error, or all with the statement's", async () => {
    let fail = false;
    const commit = groupCommit<number, number>({
      inFlight: 1,
      most: 10,
      run: async (items) => {
        if (fail) throw new Error("statement failed");
        return items.map((i) => (i < 0 ? new Error(`bad ${i}`) : i));
      },
    });
    const results = await Promise.allSettled([commit(1), commit(-1), commit(2)]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    fail = true;
    await expect(commit(3)).rejects.toThrow("statement failed");
  });
});
