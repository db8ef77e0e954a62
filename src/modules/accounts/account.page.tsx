import { common } from "../../platform/common.messages";
import { FormPage, Notice } from "../../platform/ui/blocks";
import { Facts } from "../../platform/ui/facts";
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
          <Facts
            class="facts panel"
            items={[
              { label: t.your_name, value: auth.user.name },
              { label: t.email, value: auth.user.email },
              {
                label: t.role,
                value: (
                  <>
                    {common[props.lang][`role_${auth.role}`]} · {auth.org.name}
                  </>
                ),
              },
            ]}
          />
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
