import { ConfirmPage } from "../../platform/ui/blocks";
import type { ViewProps } from "../../platform/ui/view";
import { actionsText } from "./actions.messages";
import { Title, titleText, whenText } from "./actions-ui";
import type { ActionEvent } from "./event-record";

/** Cancelling asks once. */
export function CancelActionPage(props: ViewProps & { event: ActionEvent }) {
  const t = actionsText[props.lang];
  const e = props.event;
  return (
    <ConfirmPage
      {...props}
      title={t.mark_cancelled}
      section="actions"
      body={
        <>
          <strong>
            <Title text={e.title} lang={props.lang} />
          </strong>
          <br />
          {whenText(e, props.lang)}
          <br />
          {t.cancel_confirm(titleText(e.title, props.lang))}
        </>
      }
      action={`/actions/${e.id}/cancel`}
      confirmLabel={t.mark_cancelled}
      cancelHref={`/actions/${e.id}`}
      cancelLabel={t.keep_action}
    />
  );
}
