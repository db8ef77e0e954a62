import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { accountsText } from "../modules/accounts/accounts.messages";
import { can, canSeeCaseSensitive } from "./permissions";
import type { Role } from "./platform.schema";

// Probe fault 5: the README said "only owners and organizers see sensitive fields" while
// the code (decision 010) gives a case's A-number to owners and that case's team. The code
// is the decision; this keeps the rule, the README and the role help saying the same.
const ROLES: Role[] = ["owner", "organizer", "member", "viewer"];

describe("who sees a case's protected details", () => {
  it("owners always; organizers and members only on the case's team; viewers never", () => {
    const table = Object.fromEntries(
      ROLES.map((r) => [r, [canSeeCaseSensitive(r, true), canSeeCaseSensitive(r, false)]]),
    );
    expect(table).toEqual({
      owner: [true, true],
      organizer: [true, false],
      member: [true, false],
      viewer: [false, false],
    });
    expect(ROLES.filter((r) => can(r, "people.sensitive"))).toEqual(["owner", "organizer"]);
  });

  it("is what the README and the role help say", () => {
    const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8").replace(
      /\s+/g,
      " ",
    );
    expect(readme).toContain(
      "A case's A-number, date of birth and notes: owners and the users on that case's team, whatever their role",
    );
    expect(readme).not.toMatch(/Only owners and organizers see sensitive fields/);
    for (const lang of ["es", "en"] as const) {
      const t = accountsText[lang];
      const team = lang === "es" ? "solo si está en su equipo" : "only on that case's team";
      expect(t.role_help_organizer).toContain(team);
      expect(t.role_help_member).toContain(team);
    }
  });
});
