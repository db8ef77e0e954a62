import type { SignedIn } from "../../platform/http";
import type { Lang } from "../../platform/i18n";
import { Csrf } from "../../platform/ui/forms";
import { Page } from "../../platform/ui/layout";
import { actionsText } from "./actions.messages";
import { Title, titleText, whenText } from "./actions-ui";
import type { ActionEvent } from "./event-record";

/** Cancelling asks once. */
export function CancelActionPage(props: {
  lang: Lang;
  csrf: string;
  path: string;
  auth: SignedIn;
  event: ActionEvent;
}) {
  const t = actionsText[props.lang];
  const e = props.event;
  return (
    <Page
      title={t.mark_cancelled}
      lang={props.lang}
      csrf={props.csrf}
      path={props.path}
      auth={props.auth}
      section="actions"
    >
      <div class="narrow">
        <h1>{t.mark_cancelled}</h1>
        <div class="panel">
          <p>
            <strong>
              <Title text={e.title} lang={props.lang} />
            </strong>
            <br />
            {whenText(e, props.lang)}
          </p>
          <p>{t.cancel_confirm(titleText(e.title, props.lang))}</p>
          <form method="post" action={`/actions/${e.id}/cancel`} class="form-actions">
            <Csrf token={props.csrf} />
            <button type="submit" class="danger">
              {t.mark_cancelled}
            </button>
            <a href={`/actions/${e.id}`}>{t.keep_action}</a>
          </form>
        </div>
      </div>
    </Page>
  );
}
