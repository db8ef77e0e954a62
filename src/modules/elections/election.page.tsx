import { raw } from "hono/html";
import { formatDateTime, formatNumber } from "../../platform/i18n";
import { Notice, PageHead } from "../../platform/ui/blocks";
import { emptyForm, Form, type FormState } from "../../platform/ui/forms";
import { Page, Panel } from "../../platform/ui/layout";
import type { ViewProps } from "../../platform/ui/view";
import { OfficeFields } from "./election-form.page";
import type { Election, Turnout } from "./election-record";
import { electionsText } from "./elections.messages";
import { OfficeFieldset } from "./vote.pages";

/** Voted online, on paper, not yet: one bar, drawn as SVG (no inline style under the CSP). */
function TurnoutBar(props: { turnout: Turnout; label: string }) {
  const { rollSize, online, paper } = props.turnout;
  const total = Math.max(1, rollSize);
  const w = (n: number) => Math.round((n / total) * 1000) / 10;
  return (
    <svg
      viewBox="0 0 100 8"
      class="turnout-bar"
      role="img"
      aria-label={props.label}
      preserveAspectRatio="none"
    >
      <rect x="0" y="0" width="100" height="8" fill="#e4e7e2" />
      <rect x="0" y="0" width={w(online)} height="8" fill="#0b6760" />
      <rect x={w(online)} y="0" width={w(paper)} height="8" fill="#5b8f3a" />
    </svg>
  );
}

export function ElectionPage(
  props: ViewProps & {
    election: Election;
    turnout: Turnout;
    notice?: string | undefined;
    canManage: boolean;
    canPaper: boolean;
    people: { id: string; name: string }[];
    officeForm: FormState;
    notVoted: { id: string; name: string }[];
  },
) {
  const t = electionsText[props.lang];
  const e = props.election;
  const zone = props.auth.org.timeZone;
  const when = (d: Date) => formatDateTime(d, props.lang, zone);
  const n = (x: number) => formatNumber(x, props.lang);
  const voted = props.turnout.online + props.turnout.paper;
  const csrf = <input type="hidden" name="_csrf" value={props.csrf} />;
  /** A step of the election (open, make the links, close): one form, one button. */
  const step = (path: string, label: string, buttonClass: string, body?: string) => (
    <form method="post" action={`/elections/${e.id}/${path}`}>
      {csrf}
      {body && <p>{body}</p>}
      <button type="submit" class={buttonClass}>
        {label}
      </button>
    </form>
  );
  return (
    <Page {...props} title={e.title[props.lang]} section="elections">
      <PageHead title={e.title[props.lang]} />
      <Notice text={props.notice} />
      <p>
        <span class="badge">{t[`status_${e.status}`]}</span> {t.opens(when(e.opensAt))} ·{" "}
        {e.closedAt ? t.closed_on(when(e.closedAt)) : t.closes(when(e.closesAt))}
      </p>
      {e.status !== "draft" && (
        <Panel title={t.turnout}>
          <p>{t.roll_size(n(e.rollSize ?? 0))}</p>
          <p>{t.turnout_line(n(voted), n(props.turnout.rollSize))}</p>
          <TurnoutBar
            turnout={props.turnout}
            label={t.turnout_line(n(voted), n(props.turnout.rollSize))}
          />
          <p class="muted">
            {t.turnout_split(
              n(props.turnout.online),
              n(props.turnout.paper),
              n(props.turnout.notYet),
            )}
          </p>
          <p class="hint">{t.secrecy_note}</p>
        </Panel>
      )}
      <Panel title={t.offices}>
        {e.offices.map((o) => (
          <div>
            <h3>{o.name[props.lang]}</h3>
            <p class="muted">
              {t[`method_${o.method}`]} · {t.seats}: {o.seats}
            </p>
            <ul>
              {o.candidates.map((c) => (
                <li>{c.name}</li>
              ))}
            </ul>
          </div>
        ))}
      </Panel>
      {props.canManage && e.status === "draft" && (
        <>
          {step("open", t.open_voting, "button", t.open_confirm_body)}
          <details class="panel" open={Object.keys(props.officeForm.errors).length > 0}>
            <summary>{t.add_office}</summary>
            <Form
              action={`/elections/${e.id}/offices`}
              csrf={props.csrf}
              form={props.officeForm}
              lang={props.lang}
            >
              <OfficeFields form={props.officeForm} lang={props.lang} people={props.people} />
              <button type="submit" class="button secondary">
                {t.add_office_submit}
              </button>
            </Form>
          </details>
        </>
      )}
      {e.status === "open" && props.canManage && !e.credentialsIssued && (
        <Panel title={t.make_links} hint={t.links_note}>
          {step("credentials", t.make_links, "button")}
        </Panel>
      )}
      {e.status === "open" && props.canPaper && props.notVoted.length > 0 && (
        <details class="panel">
          <summary>{t.paper_ballot}</summary>
          <p class="hint">{t.paper_hint}</p>
          <form method="post" action={`/elections/${e.id}/paper`} class="vote" novalidate>
            {csrf}
            <div class="field">
              <label for="f-person">{t.voter}</label>
              <select id="f-person" name="person_id">
                {props.notVoted.map((p) => (
                  <option value={p.id}>{p.name}</option>
                ))}
              </select>
            </div>
            {e.offices.map((o) => (
              <OfficeFieldset
                lang={props.lang}
                office={o}
                order={o.candidates}
                chosen={[]}
                error={undefined}
              />
            ))}
            <button type="submit" class="button">
              {t.paper_submit}
            </button>
          </form>
        </details>
      )}
      {e.status === "open" &&
        props.canManage &&
        step("close", t.close_voting, "button danger", t.close_confirm_body)}
      {e.status === "closed" && (
        <Panel>
          <p>
            <a class="button" href={`/vote/results/${e.id}?lang=${props.lang}`}>
              {t.see_results}
            </a>
          </p>
          <p class="hint">{t.results_link_note}</p>
        </Panel>
      )}
    </Page>
  );
}

/** The voting links, shown once: a printable slip per voter with a QR code (inline SVG). */
export function CredentialsPage(
  props: ViewProps & { election: Election; slips: { name: string; link: string; qr: string }[] },
) {
  const t = electionsText[props.lang];
  return (
    <Page {...props} title={t.links_title} section="elections">
      <PageHead title={t.links_title} />
      <p>{t.links_intro}</p>
      <p class="hint">{t.print}</p>
      <ul class="slips">
        {props.slips.map((s) => (
          <li class="slip">
            <p>
              <strong>{props.election.title[props.lang]}</strong>
            </p>
            <p>{t.slip_for(s.name)}</p>
            <div class="slip-qr">{raw(s.qr)}</div>
            <p class="hint">{t.slip_scan}</p>
            <input
              class="slip-link"
              type="text"
              readonly
              value={s.link}
              aria-label={t.slip_for(s.name)}
            />
          </li>
        ))}
      </ul>
    </Page>
  );
}

export const officeForm = emptyForm;
