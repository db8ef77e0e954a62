import { common } from "../../platform/common.messages";
import { FormPage, Notice } from "../../platform/ui/blocks";
import { Field, type FormState } from "../../platform/ui/forms";
import type { ViewProps } from "../../platform/ui/view";
import { accountsText } from "./accounts.messages";

/** The signed-in person's own account: who they are here, and a new password. */
export function AccountPage(props: ViewProps & { form: FormState; notice?: string }) {
  const t = accountsText[props.lang];
  const { auth } = props;
  return (
    <FormPage
      {...props}
      title={t.account_title}
      form={props.form}
      action="/account/password"
      submitLabel={t.password_change_submit}
      cancelHref="/"
      intro={
        <>
          <Notice text={props.notice} />
          <dl class="facts panel">
            <dt>{t.your_name}</dt>
            <dd>{auth.user.name}</dd>
            <dt>{t.email}</dt>
            <dd>{auth.user.email}</dd>
            <dt>{t.role}</dt>
            <dd>
              {common[props.lang][`role_${auth.role}`]} · {auth.org.name}
            </dd>
          </dl>
          <p>
            <a href="/account/reminders">{t.reminders_link}</a>
          </p>
          <h2>{t.password_change_title}</h2>
          <p class="hint">{t.password_change_hint}</p>
        </>
      }
    >
      <Field
        name="current_password"
        type="password"
        label={t.current_password}
        required
        autocomplete="current-password"
      />
      <Field
        name="new_password"
        type="password"
        label={t.new_password}
        hint={t.password_hint}
        required
        autocomplete="new-password"
      />
      <Field
        name="confirm_password"
        type="password"
        label={t.confirm_password}
        required
        autocomplete="new-password"
      />
    </FormPage>
  );
}
