import { AppError } from "../../src/platform/errors";

/**
 * What an operation came to, as one string to compare: "ok", or the AppError it was refused
 * with: its field errors as JSON when it has them, else its code. Any other error is thrown.
 */
export async function outcome(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    if (error instanceof AppError) return error.fields ? JSON.stringify(error.fields) : error.code;
    throw error;
  }
}
