import { pick } from "../../platform/bilingual";
import type { Lang } from "../../platform/i18n";
import { Csrf } from "../../platform/ui/forms";
import { actionsText } from "./actions.messages";
import { whenText } from "./actions-ui";
import type { CohostInvitation } from "./cohost-invitations";

/** On the actions list of an invited organization: each invitation with Accept / No. */
export function CohostInvitations(props: {
  invitations: readonly CohostInvitation[];
  lang: Lang;
  csrf: string;
}) {
  if (props.invitations.length === 0) return null;
  const t = actionsText[props.lang];
  return (
    <section class="panel" aria-labelledby="invitations-h">
      <h2 class="panel-title" id="invitations-h">
        {t.invitations_title}
      </h2>
      <p class="hint">{t.invitations_note}</p>
      <ul class="rows">
        {props.invitations.map((i) => (
          <li data-invitation={i.id}>
            <strong>{pick(i.title, props.lang).text}</strong> · {t.invitation_from(i.hostName)} ·{" "}
            {whenText(
              { startsAt: i.startsAt, endsAt: i.startsAt, timeZone: i.timeZone },
              props.lang,
            )}
            <form method="post" action={`/actions/invitations/${i.id}/accept`} class="row-form">
              <Csrf token={props.csrf} />
              <button type="submit">{t.accept}</button>
            </form>
            <form method="post" action={`/actions/invitations/${i.id}/decline`} class="row-form">
              <Csrf token={props.csrf} />
              <button type="submit" class="secondary">
                {t.decline}
              </button>
            </form>
          </li>
        ))}
      </ul>
    </section>
  );
}
