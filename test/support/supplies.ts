import fc from "fast-check";
import { addNeed } from "../../src/modules/supplies/add-need";
import { DriveFieldsSchema, NeedFieldsSchema } from "../../src/modules/supplies/drive";
import type { PledgeInput } from "../../src/modules/supplies/record-pledge";
import type { Actor } from "../../src/platform/actor";
import { AppError } from "../../src/platform/errors";
import type { TestApp } from "./app";

// Builders for the supplies operations tests: an invented public drive, a need, a movement.

export const driveInput = (slug: string, extra: Record<string, unknown> = {}) =>
  DriveFieldsSchema.parse({
    slug,
    title: { es: "Colecta de invierno", en: "Winter drive" },
    public: true,
    ...extra,
  });

export const needInput = (input: Record<string, unknown>) => NeedFieldsSchema.parse(input);

/** A need added to a drive from its fields (item, unit, quantity, urgent…). */
export const newNeed = (
  t: Pick<TestApp, "deps">,
  actor: Actor,
  driveId: string,
  input: Record<string, unknown>,
) => addNeed(t.deps, actor, driveId, needInput(input));

export const moveInput = (
  needId: string,
  kind: "received" | "delivered" | "discarded",
  quantity: number | string,
  pointId: string | null = null,
) => ({
  needId,
  kind,
  quantity,
  pointId,
  pledgeId: null,
  method: null,
});

/** The AppError a promise is refused with (fails the test if it is not refused). */
export async function refusal(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

/** A random movement's kind for property tests: receipts twice as often as the others. */
export const movementKind = fc.constantFrom(
  "received" as const,
  "received" as const,
  "delivered" as const,
  "discarded" as const,
);

/** A pledge of `quantity` for a need (through the API, no drop-off point, no due date, nobody known). */
export const pledgeInput = (
  needId: string,
  quantity: number,
  overrides: Partial<PledgeInput> & { personId?: string | null } = {},
) => ({
  needId,
  quantity,
  pointId: null,
  dueOn: null,
  source: "api" as const,
  personId: null,
  ...overrides,
});
