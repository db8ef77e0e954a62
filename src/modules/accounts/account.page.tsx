import { common } from "../../platform/common.messages";
import { FormPage, Notice } from "../../platform/ui/blocks";
import type { FormState } from "../../platform/ui/forms";
import type { ViewProps } from "../../platform/ui/view";
import { accountsText } from "./accounts.messages";
import { PasswordField } from "./accounts-ui";

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
      <PasswordField name="current_password" label={t.current_password} />
      <PasswordField name="new_password" label={t.new_password} hint={t.password_hint} fresh />
      <PasswordField name="confirm_password" label={t.confirm_password} fresh />
    </FormPage>
  );
}
