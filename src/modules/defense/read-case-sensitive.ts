import type { Actor, Deps } from "../../platform/actor";
import { AppError, notFound } from "../../platform/errors";
import { runOperation } from "../../platform/operation";
import type { CaseSensitive } from "./case";
import { oneCase } from "./case-keys";
import { actorSeesSensitive, caseSensitiveContext } from "./case-record";
import { cases } from "./defense.schema";

/**
 * Decrypts a case's A-number, date of birth and notes for its owner or team, and records
 * that they did, in the same transaction. Anyone else gets 403; another org's case 404.
 */
export async function readCaseSensitive(
  deps: Deps,
  actor: Actor,
  id: string,
  purpose: "view" | "edit" | "api" = "view",
): Promise<CaseSensitive> {
  return runOperation(deps, actor, async (op) => {
    const tx = op.tx;
    const [row] = await tx
      .select({ a: cases.aNumberEnc, b: cases.birthdateEnc, n: cases.notesEnc })
      .from(cases)
      .where(oneCase(actor.orgId, id));
    if (!row) throw notFound();
    if (!(await actorSeesSensitive(tx, actor, id))) throw new AppError("forbidden");
    await op.audit(
      "case.sensitive_read",
      { type: "case", id },
      { fields: ["a_number", "birthdate", "notes"], purpose },
    );
    const open = (box: string | null, field: "a_number" | "birthdate" | "notes") =>
      box === null ? null : deps.cipher.decrypt(box, caseSensitiveContext(id, field));
    return {
      aNumber: open(row.a, "a_number"),
      birthdate: open(row.b, "birthdate"),
      notes: open(row.n, "notes"),
    };
  });
}
