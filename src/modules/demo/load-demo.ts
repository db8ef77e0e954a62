import { randomBytes } from "node:crypto";
import type { Deps } from "../../platform/actor";
import { setupOrganization } from "../accounts/setup-organization";
import { importPeople } from "../people/import-people";
import { PersonFieldsSchema } from "../people/person";
import { loadDemoActions } from "./invented-actions";
import { loadDemoAdvocacy } from "./invented-advocacy";
import { loadDemoCases } from "./invented-cases";
import { loadDemoElection } from "./invented-election";
import { loadDemoFunds } from "./invented-funds";
import { loadDemoOutreach } from "./invented-outreach";
import { inventPeople } from "./invented-people";
import { loadDemoSupplies } from "./invented-supplies";

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
  // Their consent goes to messaging's records through the import (decision 094).
  const rows = inventPeople(options.people ?? 200).map(({ consentEmail, consentSms, ...p }) => ({
    ...PersonFieldsSchema.parse(p),
    consent: { email: consentEmail, sms: consentSms },
  }));
  const count = await importPeople(
    deps,
    { orgId: created.orgId, userId: created.userId, role: "owner" },
    rows,
  );
  await deps.bus.settled();
  // Invented facilities and defense cases (two facilities, three cases, their timelines).
  await loadDemoCases(deps, { orgId: created.orgId, userId: created.userId, role: "owner" });
  // One invented defense fund: gifts, a paid fee, a request waiting for approval, a bond out.
  await loadDemoFunds(deps, { orgId: created.orgId, userId: created.userId, role: "owner" });
  // One invented call-in campaign for the public case, toward an invented facility.
  await loadDemoAdvocacy(deps, { orgId: created.orgId, userId: created.userId, role: "owner" });
  const owner = { orgId: created.orgId, userId: created.userId, role: "owner" } as const;
  // A march done and reviewed, the next one half planned, flyering and canvass shifts for
  // both; a winter drive for a shelter; an election already counted.
  const actions = await loadDemoActions(deps, owner);
  await loadDemoOutreach(deps, owner, actions);
  await loadDemoSupplies(deps, owner);
  await loadDemoElection(deps, owner);
  return { slug: DEMO.slug, email: DEMO.email, password, people: count };
}
