import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

// A real SMTP server in the test process. Like a provider that honours idempotency, it
// keeps one copy per Message-ID and counts the repeats it was offered.

export type Received = { mail: ParsedMail; raw: string; messageId: string };

export type TestMailServer = {
  url: string;
  port: number;
  received: Received[];
  /** Message-IDs offered more than once (kept once). */
  repeats: string[];
  /** Addresses the server refuses with 550 (a hard bounce). */
  refuse: Set<string>;
  waitFor(count: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
};

export async function startMailServer(options: { parse?: boolean } = {}): Promise<TestMailServer> {
  const received: Received[] = [];
  const seen = new Set<string>();
  const repeats: string[] = [];
  const refuse = new Set<string>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    size: 1024 * 1024,
    onAuth(_auth, _session, callback) {
      callback(null, { user: "test" });
    },
    onRcptTo(address, _session, callback) {
      if (refuse.has(address.address.toLowerCase())) {
        const error = new Error("mailbox unavailable") as Error & { responseCode: number };
        error.responseCode = 550;
        return callback(error);
      }
      callback();
    },
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", async () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const messageId = /^Message-ID:\s*(<[^>]+>)/im.exec(raw)?.[1] ?? "";
        if (seen.has(messageId)) {
          repeats.push(messageId);
          return callback();
        }
        seen.add(messageId);
        const mail = options.parse === false ? ({} as ParsedMail) : await simpleParser(raw);
        received.push({ mail, raw, messageId });
        callback();
      });
    },
  });
  // A client killed mid-session (the crash test SIGKILLs the sender on purpose) resets its
  // connection; the server reports that as an error event, which is expected, not a fault.
  server.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "ECONNRESET" && error.code !== "EPIPE") throw error;
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://user:pass@127.0.0.1:${port}`,
    port,
    received,
    repeats,
    refuse,
    async waitFor(count, timeoutMs = 20_000) {
      const until = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > until)
          throw new Error(`only ${received.length} of ${count} emails arrived`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
