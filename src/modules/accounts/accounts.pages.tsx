import type { Child, PropsWithChildren } from "hono/jsx";
import type { SignedIn } from "../../platform/http";
import type { Lang } from "../../platform/i18n";
import { timeZoneName } from "../../platform/time";
import {
  Field,
  Form,
  FormAlert,
  type FormState,
  languageOptions,
  optionsOf,
  Select,
  Submit,
} from "../../platform/ui/forms";
import { Page } from "../../platform/ui/layout";
import { TIME_ZONES } from "./account-schemas";
import { accountsText } from "./accounts.messages";
import { PasswordField, PersonNameField } from "./accounts-ui";

type Base = { lang: Lang; csrf: string; path: string; auth?: SignedIn | null };

export function SetupPage(props: Base & { form: FormState }) {
  const t = accountsText[props.lang];
  const { lang } = props;
  return (
    <SignedOutForm
      {...props}
      card="narrow"
      title={t.setup_title}
      lede={t.setup_lede}
      action="/setup"
      submit={t.setup_submit}
    >
      <fieldset>
        <legend>{t.org_section}</legend>
        <Field name="org_name" label={t.org_name} hint={t.org_name_hint} required maxlength={120} />
        <Field
          name="slug"
          label={t.slug}
          hint={t.slug_hint}
          required
          maxlength={40}
          autocomplete="off"
        />
        <Select
          name="time_zone"
          label={t.time_zone}
          required
          options={optionsOf(TIME_ZONES, (z) => timeZoneName(z, lang))}
        />
        <Select
          name="default_language"
          label={t.default_language}
          required
          options={languageOptions((l) => t[`lang_${l}`])}
        />
      </fieldset>
      <fieldset>
        <legend>{t.owner_section}</legend>
        <PersonNameField name="owner_name" label={t.owner_name} hint={t.owner_name_hint} />
        <Field name="email" type="email" label={t.email} required autocomplete="email" />
        <PasswordField name="password" label={t.password} hint={t.password_hint} fresh />
      </fieldset>
    </SignedOutForm>
  );
}

export function SignInPage(
  props: Base & { form: FormState; notice?: Child; failed?: boolean | string },
) {
  const t = accountsText[props.lang];
  return (
    <SignedOutForm
      {...props}
      card="auth-card"
      title={t.signin_title}
      lede={t.signin_lede}
      action="/login"
      submit={t.signin_submit}
      message={
        typeof props.failed === "string" ? props.failed : props.failed ? t.signin_failed : undefined
      }
    >
      <Field name="email" type="email" label={t.email} required autocomplete="username" />
      <PasswordField name="password" label={t.password} />
    </SignedOutForm>
  );
}

export function AcceptInvitePage(
  props: Base & { form: FormState; orgName: string; existing: boolean; token: string },
) {
  const t = accountsText[props.lang];
  return (
    <SignedOutForm
      {...props}
      card="auth-card"
      title={t.accept_title(props.orgName)}
      lede={props.existing ? t.accept_lede_existing : t.accept_lede_new}
      action={`/invite/${props.token}`}
      submit={t.accept_submit}
    >
      {props.existing ? (
        <input type="hidden" name="name" value="-" />
      ) : (
        <PersonNameField name="name" label={t.your_name} hint={t.owner_name_hint} />
      )}
      <PasswordField
        name="password"
        label={t.password}
        hint={props.existing ? undefined : t.password_hint}
        fresh={!props.existing}
      />
    </SignedOutForm>
  );
}

/**
 * The frame of a signed-out form (setup, sign-in, accepting an invitation): its title,
 * lede, any notice, the error summary, the fields and one submit button.
 */
function SignedOutForm(
  props: Base &
    PropsWithChildren<{
      form: FormState;
      card: "narrow" | "auth-card";
      title: string;
      lede: string;
      action: string;
      submit: string;
      notice?: Child;
      message?: string | undefined;
    }>,
) {
  const { form, lang } = props;
  return (
    <Page title={props.title} lang={lang} csrf={props.csrf} path={props.path} auth={null}>
      <div class={props.card}>
        <h1>{props.title}</h1>
        <p class="lede">{props.lede}</p>
        {props.notice && (
          <div class="alert alert-info" role="status">
            {props.notice}
          </div>
        )}
        <FormAlert form={form} lang={lang} message={props.message} />
        <Form action={props.action} class="panel" csrf={props.csrf} form={form} lang={lang}>
          {props.children}
          <Submit label={props.submit} />
        </Form>
      </div>
    </Page>
  );
}

export function InviteInvalidPage(props: Base) {
  const t = accountsText[props.lang];
  return (
    <Page title={t.signin_title} lang={props.lang} csrf={props.csrf} path={props.path} auth={null}>
      <div class="panel narrow center">
        <h1 class="h-sentence">{t.invite_invalid}</h1>
        <a class="button secondary" href="/login">
          {t.signin_title}
        </a>
      </div>
    </Page>
  );
}
