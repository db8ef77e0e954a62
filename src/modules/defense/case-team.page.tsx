import { common } from "../../platform/common.messages";
import type { Role } from "../../platform/platform.schema";
import { CheckItem } from "../../platform/ui/field-frame";
import { Actions, Csrf } from "../../platform/ui/forms";
import { Page } from "../../platform/ui/layout";
import type { View } from "./case-ui";
import { casesText } from "./defense.messages";

type CaseRef = { id: string; personDisplayName: string };

/** Checkboxes for every member who may read cases. */
export function CaseTeamPage(
  props: View & {
    kase: CaseRef;
    candidates: { userId: string; name: string; role: Role }[];
    selected: string[];
  },
) {
  const t = casesText[props.lang];
  const c = common[props.lang];
  const { kase } = props;
  const title = t.team_edit_title(kase.personDisplayName);
  return (
    <Page {...props} title={title} section="cases">
      <div class="narrow">
        <h1>{title}</h1>
        <p class="hint">{t.team_hint}</p>
        <form method="post" action={`/cases/${kase.id}/team`}>
          <Csrf token={props.csrf} />
          <fieldset class="panel">
            <legend>{t.team}</legend>
            {props.candidates.map((u) => (
              <CheckItem
                id={`f-user-${u.userId}`}
                name="user_id"
                value={u.userId}
                checked={props.selected.includes(u.userId)}
                label={
                  <>
                    {u.name} <span class="muted">({c[`role_${u.role}`]})</span>
                  </>
                }
              />
            ))}
          </fieldset>
          <Actions>
            <button type="submit" class="primary">
              {c.save}
            </button>
            <a href={`/cases/${kase.id}`}>{c.cancel}</a>
          </Actions>
        </form>
      </div>
    </Page>
  );
}
