import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  createSecretKey,
  randomBytes,
} from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

// AES-256-GCM for sensitive fields. The key lives outside the database: in
// AMPARO_SECRET_KEY, or in a 0600 key file in the data directory made on first run.
// Each ciphertext is bound (as additional data) to where it belongs, so a value
// copied into another row or field fails to decrypt instead of leaking.
const VERSION = "v1";

export type FieldCipher = {
  encrypt(plain: string, context: string): string;
  decrypt(box: string, context: string): string;
  /**
   * A keyed one-way fingerprint (HMAC-SHA-256 under a key derived from this key): for
   * values that must be recognized again but never stored, like a visitor's address in a
   * rate limit. Unlike a plain hash it can't be reversed by trying every IPv4 address.
   */
  fingerprint(value: string, context: string): string;
};

export function loadKey(options: { secretKey?: string | undefined; dataDir: string }): Buffer {
  if (options.secretKey) return decodeKey(options.secretKey, "AMPARO_SECRET_KEY");
  const file = join(options.dataDir, "secret.key");
  if (!existsSync(file)) {
    mkdirSync(options.dataDir, { recursive: true });
    writeFileSync(file, `${randomBytes(32).toString("base64")}\n`, { mode: 0o600, flag: "wx" });
  }
  chmodSync(file, 0o600);
  return decodeKey(readFileSync(file, "utf8").trim(), file);
}

function decodeKey(text: string, where: string): Buffer {
  const key = Buffer.from(text.replace(/-/g, "+").replace(/_/g, "/"), "base64");
  if (key.length !== 32) throw new Error(`${where}: the key must be 32 bytes (base64)`);
  return key;
}

export function createCipher(key: Buffer): FieldCipher {
  // Imported once as a key object: a raw Buffer key is imported again by every HMAC (the
  // outbox signs an unsubscribe link per email; decision 104). Same bytes, same output.
  const fingerprintKey = createSecretKey(
    createHmac("sha256", key).update("amparo:fingerprint:v1").digest(),
  );
  return {
    fingerprint(value, context) {
      return createHmac("sha256", fingerprintKey)
        .update(`${context}\u0000${value}`)
        .digest("base64url");
    },
    encrypt(plain, context) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      cipher.setAAD(Buffer.from(context));
      const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      const packed = Buffer.concat([iv, cipher.getAuthTag(), body]);
      return `${VERSION}.${packed.toString("base64url")}`;
    },
    decrypt(box, context) {
      const [version, data] = box.split(".");
      if (version !== VERSION || !data) throw new Error("unknown ciphertext format");
      const packed = Buffer.from(data, "base64url");
      const decipher = createDecipheriv("aes-256-gcm", key, packed.subarray(0, 12));
      decipher.setAuthTag(packed.subarray(12, 28));
      decipher.setAAD(Buffer.from(context));
      return Buffer.concat([decipher.update(packed.subarray(28)), decipher.final()]).toString(
        "utf8",
      );
    },
  };
}

/** Random URL-safe secret, and its SHA-256 for storage (sessions, tokens, invitations). */
export function newSecret(bytes = 32): { secret: string; hash: string } {
  const secret = randomBytes(bytes).toString("base64url");
  return { secret, hash: sha256(secret) };
}

export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
