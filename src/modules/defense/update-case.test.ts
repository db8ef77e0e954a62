import { describe, expect, it } from "vitest";
import { newCase } from "../../../test/support/advocacy";
import { createOrg } from "../../../test/support/app";
import { auditCount } from "../../../test/support/rows";
import { STORES } from "../../../test/support/stores";
import { oneOrg } from "../../../test/support/suites";
import { listCases } from "./case-dashboard";
import { updateCase } from "./update-case";

describe.each(STORES)("updating a case on %s", (store) => {
  const s = oneOrg(store);

  it("applies two edits sent at once one after the other: neither is lost", async () => {
    const { kase: opened } = await newCase(s.t, s.actor, "Persona Inventada Concurrente");
    // One edit names the lawyer (which changes the search text); the others change the
    // needs. Read outside the transaction, a needs edit would write back the old search text.
    await Promise.all([
      updateCase(s.t.deps, s.actor, opened.id, { lawyerName: "Lic. Abogada Simultánea" }),
      ...Array.from({ length: 6 }, (_, i) =>
        updateCase(s.t.deps, s.actor, opened.id, { needs: `Necesidad ${i}` }),
      ),
    ]);
    const found = await listCases(s.t.database.db, s.actor.orgId, {
      q: "simultanea",
      filter: "all",
    });
    expect(found.map((c) => c.id)).toEqual([opened.id]);
    expect(await auditCount(s.t, opened.id, "case.updated")).toBe(7);
  });

  it("answers 404 for an unknown or another organization's case", async () => {
    const other = (await createOrg(s.t, "Otra Organización Inventada")).actor;
    const { kase: opened } = await newCase(s.t, s.actor, "Persona Inventada Ajena");
    await expect(updateCase(s.t.deps, other, opened.id, { needs: "x" })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(
      updateCase(s.t.deps, s.actor, "00000000-0000-4000-8000-000000000000", { needs: "x" }),
    ).rejects.toMatchObject({ code: "not_found" });
  });
});
