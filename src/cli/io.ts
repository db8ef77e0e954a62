import { createInterface } from "node:readline";

export class CliError extends Error {
  override name = "CliError";
}

/** Reads a password without echoing it; refuses when there is no terminal to ask. */
export async function promptPassword(question: string): Promise<string> {
  if (!process.stdin.isTTY) {
    throw new CliError("set AMPARO_PASSWORD, or run in a terminal to be asked for the password");
  }
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const output = rl as unknown as { _writeToOutput: (s: string) => void };
  let asking = true;
  output._writeToOutput = (s: string) => {
    if (!asking || s.includes(question)) process.stdout.write(s);
  };
  try {
    return await new Promise<string>((resolve) => {
      rl.question(question, (answer) => {
        asking = false;
        process.stdout.write("\n");
        resolve(answer);
      });
    });
  } finally {
    rl.close();
  }
}
