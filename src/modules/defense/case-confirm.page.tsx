import type { Child } from "hono/jsx";
import { common } from "../../platform/common.messages";
import { Csrf } from "../../platform/ui/forms";
import { Page } from "../../platform/ui/layout";
import type { View } from "./case-ui";

/** "Are you sure?" once, for removing a timeline entry or a family link. */
export function ConfirmPage(
  props: View & { title: string; body: Child; action: string; confirm: string; back: string },
) {
  return (
    <Page {...props} title={props.title} section="cases">
      <div class="panel narrow danger-zone">
        <h1>{props.title}</h1>
        <p>{props.body}</p>
        <form method="post" action={props.action} class="form-actions">
          <Csrf token={props.csrf} />
          <button type="submit" class="danger">
            {props.confirm}
          </button>
          <a href={props.back}>{common[props.lang].cancel}</a>
        </form>
      </div>
    </Page>
  );
}
