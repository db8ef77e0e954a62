import { and, eq } from "drizzle-orm";
import type { AnyPgColumn, PgTable } from "drizzle-orm/pg-core";
import type { z } from "zod";
import type { Db } from "../../db/client";
import { type FieldErrors, invalid, notFound } from "../../platform/errors";
import { parseWith } from "../../platform/form-input";
import { getPersonNames } from "../people/person-names";
import { actionsErrors } from "./actions.errors";

// Checks shared by the plan operations: people on a row belong to the organization that
// writes it (docs/decisions/055-action-cohosts.md); a row is changed only by its owner.

/** Parsed input, or a 422 naming each bad field. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = parseWith(schema, input);
  if (!parsed.ok) throw invalid(parsed.errors);
  return parsed.data;
}

/** Every non-null person id in `fields` is one of the organization's people, or a 422. */
export async function requireOwnPeople(
  db: Db,
  orgId: string,
  fields: Record<string, string | null>,
): Promise<void> {
  const ids = Object.values(fields).filter((v): v is string => v !== null);
  const known = await getPersonNames(db, orgId, ids);
  const errors: FieldErrors = {};
  for (const [field, id] of Object.entries(fields)) {
    if (id !== null && !known.has(id)) errors[field] = actionsErrors.field.person_not_found;
  }
  if (Object.keys(errors).length > 0) throw invalid(errors);
}

/** A delete or update that touched nothing: not this organization's row. */
export function requireTouched(rows: readonly unknown[]): void {
  if (rows.length === 0) throw notFound();
}

/** A table of rows that belong to one action and one organization. */
export type EventRowTable = PgTable & {
  id: AnyPgColumn<{ data: string; notNull: true }>;
  orgId: AnyPgColumn;
  eventId: AnyPgColumn;
};

/** Deletes one row of an action that this organization wrote, or a 404 when there is none. */
export async function deleteOwnEventRow(
  db: Db,
  table: EventRowTable,
  key: { orgId: string; eventId: string; id: string },
): Promise<void> {
  const deleted = await db
    .delete(table)
    .where(
      and(
        eq(table.orgId, key.orgId),
        eq(table.eventId, key.eventId),
        eq(table.id, key.id.toLowerCase()),
      ),
    )
    .returning({ id: table.id });
  requireTouched(deleted);
}
