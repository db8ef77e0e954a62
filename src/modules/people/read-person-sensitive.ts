import { ownRow } from "../../db/columns";
import type { Actor, Deps } from "../../platform/actor";
import { notFound } from "../../platform/errors";
import { runOperation } from "../../platform/operation";
import { people } from "./people.schema";
import { sensitiveContext } from "./person-record";

/** Decrypts the sensitive fields for someone allowed to see them, and records that they did. */
export function readSensitive(
  deps: Deps,
  actor: Actor,
  id: string,
): Promise<{ birthdate: string | null; homeAddress: string | null }> {
  return runOperation(deps, actor, async (op) => {
    const [row] = await op.tx
      .select({ birthdateEnc: people.birthdateEnc, homeAddressEnc: people.homeAddressEnc })
      .from(people)
      .where(ownRow(people, actor.orgId, id));
    if (!row) throw notFound();
    await op.audit(
      "person.sensitive_read",
      { type: "person", id },
      { fields: ["birthdate", "home_address"] },
    );
    const decrypt = (value: string | null, field: "birthdate" | "home_address") =>
      value ? deps.cipher.decrypt(value, sensitiveContext(id, field)) : null;
    return {
      birthdate: decrypt(row.birthdateEnc, "birthdate"),
      homeAddress: decrypt(row.homeAddressEnc, "home_address"),
    };
  });
}
