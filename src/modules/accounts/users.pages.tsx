import { common } from "../../platform/common.messages";
import { formatDate } from "../../platform/i18n";
import { ROLES, type Role } from "../../platform/platform.schema";
import { Alert, Notice, PageHead } from "../../platform/ui/blocks";
import {
  Csrf,
  Field,
  Form,
  FormAlert,
  type FormState,
  optionsOf,
  Select,
  Submit,
} from "../../platform/ui/forms";
import { Page, Panel } from "../../platform/ui/layout";
import { ItemList } from "../../platform/ui/lists";
import type { ViewProps } from "../../platform/ui/view";
import { accountsText } from "./accounts.messages";
import type { Member } from "./members";

type Props = ViewProps & {
  members: Member[];
  pending: { id: string; email: string; role: Role; expiresAt: Date }[];
  form: FormState;
  inviteLink?: string;
  notice?: string;
  problem?: string;
};

export function UsersPage(props: Props) {
  const t = accountsText[props.lang];
  const c = common[props.lang];
  const roleOptions = optionsOf(ROLES, (r) => c[`role_${r}`]);
  return (
    <Page {...props} title={t.users_title} section="users">
      <PageHead title={t.users_title} />
      <p class="lede">{t.users_lede}</p>
      <Notice text={props.notice} />
      <Alert text={props.problem} />
      <Notice
        text={
          props.inviteLink && (
            <>
              <p>{t.invite_created}</p>
              <code class="token">{props.inviteLink}</code>
            </>
          )
        }
      />
      <Panel title={t.invite_title} id="invite" hint={t.invite_hint}>
        <FormAlert form={props.form} lang={props.lang} />
        <Form action="/users/invite" csrf={props.csrf} form={props.form} lang={props.lang}>
          <div class="grid-2">
            <Field name="email" type="email" label={t.email} required />
            <Select name="role" label={t.role} required options={roleOptions} />
          </div>
          <Submit label={t.invite_submit} />
        </Form>
      </Panel>
      <Panel title={t.members}>
        <ItemList
          items={props.members}
          item={(m) => (
            <>
              <span class="title">{m.name}</span>
              <span class="badge">{c[`role_${m.role}`]}</span>
              <span class="meta">{m.email}</span>
              {m.userId !== props.auth.user.id && (
                <form method="post" action={`/users/${m.userId}/role`} class="meta role-form">
                  <Csrf token={props.csrf} />
                  <label for={`role-${m.userId}`} class="muted">
                    {t.change_role}
                  </label>{" "}
                  <select id={`role-${m.userId}`} name="role">
                    {ROLES.map((r) => (
                      <option value={r} selected={r === m.role}>
                        {c[`role_${r}`]}
                      </option>
                    ))}
                  </select>{" "}
                  <button type="submit" class="secondary">
                    {c.save}
                  </button>
                </form>
              )}
            </>
          )}
        />
      </Panel>
      {props.pending.length > 0 && (
        <Panel title={t.pending_invites}>
          <ItemList
            items={props.pending}
            item={(p) => (
              <>
                <span class="title">{p.email}</span>
                <span class="badge">{c[`role_${p.role}`]}</span>
                <span class="meta">
                  {t.expires(formatDate(p.expiresAt, props.lang, props.auth.org.timeZone))}
                </span>
              </>
            )}
          />
        </Panel>
      )}
      <Panel title={t.role}>
        <dl class="facts glossary">
          {ROLES.map((r) => (
            <>
              <dt>{c[`role_${r}`]}</dt>
              <dd>{t[`role_help_${r}`]}</dd>
            </>
          ))}
        </dl>
      </Panel>
    </Page>
  );
}
