import type { Child, PropsWithChildren } from "hono/jsx";
import { type Bilingual, pick } from "../bilingual";
import { common } from "../common.messages";
import type { Lang } from "../i18n";
import { Csrf, Form, FormAlert, type FormState, SubmitOrCancel } from "./forms";
import { Page, type PageProps } from "./layout";
import type { ViewProps } from "./view";

// The building blocks most staff screens are made of: a notice after a redirect, a page
// head, a row of stats, a form page, a confirm page (a list page: list-page.tsx).

type Section = PageProps["section"];

/**
 * A text written in both languages, in the page's language; when only the other one was
 * written, that one, marked with its `lang` so screen readers pronounce it right.
 */
export function InLang(props: { text: Bilingual; lang: Lang }) {
  const chosen = pick(props.text, props.lang);
  if (chosen.lang === props.lang) return chosen.text;
  return <span lang={chosen.lang}>{chosen.text}</span>;
}

/** A box of the page's alerts: "ok" is announced politely, "error" at once. */
const ALERT_ROLES = { ok: "status", error: "alert" } as const;

function AlertBox(props: { text?: Child; tone: keyof typeof ALERT_ROLES }) {
  if (!props.text) return null;
  return (
    <div class={`alert alert-${props.tone}`} role={ALERT_ROLES[props.tone]}>
      {props.text}
    </div>
  );
}

/** "Saved." after a redirect (or what a step did): announced, not focus-stealing. */
export function Notice(props: { text?: Child }) {
  return <AlertBox text={props.text} tone="ok" />;
}

/** What went wrong (a refused step, a file that can't be read): announced at once. */
export function Alert(props: { text?: Child }) {
  return <AlertBox text={props.text} tone="error" />;
}

export type BackLink = { href: string; label: Child };

/** "← The case": the way back to where this page was opened from. */
export function Back(props: { link?: BackLink | undefined }) {
  if (!props.link) return null;
  return (
    <p>
      <a href={props.link.href}>← {props.link.label}</a>
    </p>
  );
}

/** A page title with, at most, one primary action beside it. */
export function PageHead(props: { title: Child; action?: { href: string; label: Child } | null }) {
  return (
    <div class="page-head">
      <h1>{props.title}</h1>
      {props.action && (
        <a class="button" href={props.action.href}>
          {props.action.label}
        </a>
      )}
    </div>
  );
}

/**
 * The head of one record's page (a person, a case, a shift): the way back, the title with
 * its badges under it, an edit link when the user may edit, and the notice of a redirect.
 */
export function RecordHead(props: {
  back: BackLink;
  title: Child;
  badges: Child;
  edit: { href: string; label: Child } | null | false;
  notice: string | undefined;
}) {
  return (
    <>
      <Back link={props.back} />
      <div class="page-head">
        <div>
          <h1>{props.title}</h1>
          {props.badges}
        </div>
        {props.edit && (
          <a class="button secondary" href={props.edit.href}>
            {props.edit.label}
          </a>
        )}
      </div>
      <Notice text={props.notice} />
    </>
  );
}

/** One big figure of a Stats row: its value, already formatted; a link when `href`. */
export type Stat = { value: Child; label: Child; href?: string };

/** Big figures in a row (a dashboard's counts, a campaign's totals); `class` is added. */
export function Stats(props: { items: readonly Stat[]; class?: string }) {
  return (
    <div class={props.class ? `stats ${props.class}` : "stats"}>
      {props.items.map((s) => {
        const inner = (
          <>
            <div class="n">{s.value}</div>
            <div class="l">{s.label}</div>
          </>
        );
        return s.href ? (
          <a class="stat" href={s.href}>
            {inner}
          </a>
        ) : (
          <div class="stat">{inner}</div>
        );
      })}
    </div>
  );
}

/** A page holding one form: title, the error summary, the fields, save or cancel. */
export function FormPage(
  props: ViewProps &
    PropsWithChildren<{
      title: string;
      section?: Section;
      form: FormState;
      action: string;
      submitLabel: Child;
      cancelHref: string;
      /** Shown under the title, before the form. */
      intro?: Child;
      /** The way back (the case, the campaign), above the title. */
      back?: BackLink;
      enctype?: "multipart/form-data";
    }>,
) {
  return (
    <Page {...props} title={props.title} section={props.section}>
      <div class="narrow">
        <Back link={props.back} />
        <h1>{props.title}</h1>
        {props.intro}
        <FormAlert form={props.form} lang={props.lang} />
        <Form
          action={props.action}
          csrf={props.csrf}
          form={props.form}
          lang={props.lang}
          enctype={props.enctype}
        >
          {props.children}
          <SubmitOrCancel
            lang={props.lang}
            label={props.submitLabel}
            cancelHref={props.cancelHref}
          />
        </Form>
      </div>
    </Page>
  );
}

/** "Are you sure?" once, before a destructive or money-moving step. */
export function ConfirmPage(
  props: ViewProps &
    PropsWithChildren<{
      title: string;
      section?: Section;
      body: Child;
      action: string;
      confirmLabel: Child;
      cancelHref: string;
      /** The way back, when "Cancel" would be ambiguous (cancelling an action). */
      cancelLabel?: Child;
      /** "danger" for what can't be undone (delete); "primary" for a confirmed step (pay). */
      tone?: "danger" | "primary";
    }>,
) {
  const tone = props.tone ?? "danger";
  return (
    <Page {...props} title={props.title} section={props.section}>
      <div class="narrow">
        <div class={tone === "danger" ? "panel danger-zone" : "panel"}>
          <h1>{props.title}</h1>
          <p>{props.body}</p>
          <form method="post" action={props.action}>
            <Csrf token={props.csrf} />
            {props.children}
            <div class="form-actions">
              <button type="submit" class={tone}>
                {props.confirmLabel}
              </button>
              <a href={props.cancelHref}>{props.cancelLabel ?? common[props.lang].cancel}</a>
            </div>
          </form>
        </div>
      </div>
    </Page>
  );
}
