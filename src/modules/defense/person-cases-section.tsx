import type { AppContext } from "../../platform/http";
import { can } from "../../platform/permissions";
import { Panel } from "../../platform/ui/layout";
import { ItemList } from "../../platform/ui/lists";
import type { Person } from "../people/person";
import { listCasesOfPerson } from "./case-lookup";
import { StatusBadge } from "./case-ui";
import { casesText } from "./defense.messages";

// The person page's "Defense case" section (registered in app.ts through people's
// addPersonSection): the person's cases as cards, and "Open a defense case" only while
// none is still open.

export const personCasesSection = async (c: AppContext, person: Person) => {
  const auth = c.var.signedIn;
  if (!can(auth.role, "cases.read")) return null;
  const lang = c.get("lang");
  const t = casesText[lang];
  const found = await listCasesOfPerson(c.get("deps").db, auth.org.id, person.id);
  const open = found.filter((k) => k.status !== "closed");
  const canOpen = can(auth.role, "cases.write") && open.length === 0;
  if (found.length === 0 && !canOpen) return null;
  return (
    <Panel title={t.person_cases_title} id="cases">
      {found.length > 0 && (
        <ItemList
          items={found}
          item={(k) => (
            <>
              <a class="title" href={`/cases/${k.id}`}>
                {t.case_of(person.displayName)}
              </a>
              <StatusBadge status={k.status} lang={lang} />
            </>
          )}
        />
      )}
      {canOpen && (
        <p>
          <a class="button secondary" href={`/cases/new?person=${person.id}`}>
            {t.open_defense_case}
          </a>
        </p>
      )}
    </Panel>
  );
};
