import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createCipher, loadKey } from "./crypto";

describe("field encryption", () => {
  const cipher = createCipher(Buffer.alloc(32, 7));

  it("round-trips text and never contains the plaintext", () => {
    const box = cipher.encrypt("1987-04-02", "people:abc:birthdate");
    expect(box).not.toContain("1987-04-02");
    expect(cipher.decrypt(box, "people:abc:birthdate")).toBe("1987-04-02");
  });

  it("refuses a ciphertext moved to another row or field", () => {
    const box = cipher.encrypt("Calle Falsa 123", "people:abc:home_address");
    expect(() => cipher.decrypt(box, "people:xyz:home_address")).toThrow();
  });

  it("uses a fresh nonce each time", () => {
    expect(cipher.encrypt("same", "c")).not.toBe(cipher.encrypt("same", "c"));
  });

  it("creates a 0600 key file on first run and reuses it", () => {
    const dir = mkdtempSync(join(tmpdir(), "amparo-key-"));
    const first = loadKey({ dataDir: dir });
    const second = loadKey({ dataDir: dir });
    expect(first.equals(second)).toBe(true);
    expect(statSync(join(dir, "secret.key")).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dir, "secret.key"), "utf8").trim()).toHaveLength(44);
    rmSync(dir, { recursive: true });
  });

  it("rejects a key of the wrong size", () => {
    expect(() => loadKey({ dataDir: "/nonexistent", secretKey: "c2hvcnQ=" })).toThrow(/32 bytes/);
  });
});
