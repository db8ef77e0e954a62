import { randomBytes } from "node:crypto";
import type { Deps } from "../../platform/actor";
import { setupOrganization } from "../accounts/setup-organization";
import { importPeople } from "../people/import-people";
import { PersonFieldsSchema } from "../people/person";
import { inventPeople } from "./invented-people";

export const DEMO = { slug: "demo", email: "demo@example.org", name: "Vecinos Unidos (demo)" };

/** A synthetic organization with ~200 invented people, for exploring Amparo. */
export async function loadDemo(
  deps: Deps,
  options: { password?: string | undefined; people?: number } = {},
): Promise<{ slug: string; email: string; password: string; people: number }> {
  const password = options.password ?? `demo-${randomBytes(6).toString("base64url")}`;
  const created = await setupOrganization(
    deps.db,
    {
      org_name: DEMO.name,
      slug: DEMO.slug,
      time_zone: "America/Los_Angeles",
      default_language: "es",
      owner_name: "Coordinadora Demo",
      email: DEMO.email,
      password,
    },
    { onlyIfFirst: false },
  );
  const rows = inventPeople(options.people ?? 200).map((p) => PersonFieldsSchema.parse(p));
  const count = await importPeople(
    deps,
    { orgId: created.orgId, userId: created.userId, role: "owner" },
    rows,
  );
  return { slug: DEMO.slug, email: DEMO.email, password, people: count };
}
