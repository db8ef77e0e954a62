import { pick } from "../../platform/bilingual";
import { formatDateTime, formatDay } from "../../platform/i18n";
import { formatMoney } from "../../platform/money";
import { can } from "../../platform/permissions";
import { RecordHead } from "../../platform/ui/blocks";
import { BilingualFacts, Facts } from "../../platform/ui/facts";
import { Page, Panel } from "../../platform/ui/layout";
import { ItemList, PersonTitle } from "../../platform/ui/lists";
import { SensitivePanel } from "../../platform/ui/sensitive";
import { ShareLinks } from "../../platform/ui/share";
import { formatANumber } from "./a-number";
import type { Case, CaseSensitive } from "./case";
import type { CaseEvent } from "./case-event";
import { CASE_EVENT_KINDS } from "./case-event";
import { eventsText } from "./case-events.messages";
import type { CaseFund } from "./case-funds";
import { eventDetail, hearingLine, StatusBadge, type View } from "./case-ui";
import { casesText } from "./defense.messages";

export type CasePageProps = View & {
  kase: Case;
  /** Fund campaigns raised for this case (app.ts wires funds in). */
  funds: CaseFund[];
  /** publicBaseUrl(...): where outsiders reach public pages, or null when unknown. */
  publicBase: string | null;
  events: CaseEvent[];
  seesSensitive: boolean;
  sensitive?: CaseSensitive;
  notice?: string;
};

export function CasePage(props: CasePageProps) {
  const t = casesText[props.lang];
  const { kase: k, lang, auth } = props;
  const tz = auth.org.timeZone;
  const writer = can(auth.role, "cases.write");
  return (
    <Page {...props} title={t.case_of(k.personDisplayName)} section="cases">
      <RecordHead
        back={{ href: "/cases", label: t.title }}
        title={t.case_of(k.personDisplayName)}
        badges={<StatusBadge status={k.status} lang={lang} />}
        edit={writer && { href: `/cases/${k.id}/edit`, label: t.edit }}
        notice={props.notice}
      />
      <Panel title={t.details}>
        <Facts
          items={[
            {
              label: t.person,
              value: <a href={`/people/${k.personId}`}>{k.personDisplayName}</a>,
            },
            {
              label: t.next_hearing,
              value: k.nextHearing ? hearingLine(k.nextHearing, lang, tz) : t.next_hearing_none,
            },
            {
              label: t.facility,
              value: k.facility ? (
                <a href={`/facilities?q=${encodeURIComponent(k.facility.name)}`}>
                  {k.facility.name}
                </a>
              ) : (
                t.none
              ),
            },
            { label: t.detained_on, value: k.detainedOn ? formatDay(k.detainedOn, lang) : t.none },
            {
              label: t.lawyer,
              value: [k.lawyerName, k.lawyerContact].filter(Boolean).join(" · ") || t.none,
            },
            {
              label: t.bond,
              value: k.bondCents !== null ? formatMoney(k.bondCents, k.bondCurrency, lang) : t.none,
            },
            { label: t.needs, value: k.needs ?? t.none, class: "prewrap" },
          ]}
        />
        <p class="muted">{t.last_update(formatDateTime(k.lastActivityAt, lang, tz))}</p>
      </Panel>
      <FundsPanel {...props} />
      <Timeline {...props} writer={writer} />
      <Panel title={t.family}>
        {k.family.length ? (
          <ItemList
            items={k.family}
            item={(f) => (
              <>
                <PersonTitle id={f.personId} name={f.displayName} />
                <span class="meta">{f.relationship}</span>
                {writer && (
                  <a href={`/cases/${k.id}/family/${f.personId}/remove`} class="muted">
                    {t.family_remove}
                    <span class="visually-hidden"> {f.displayName}</span>
                  </a>
                )}
              </>
            )}
          />
        ) : (
          <p class="muted">{t.family_none}</p>
        )}
        {writer && (
          <p>
            <a class="button secondary" href={`/cases/${k.id}/family/new`}>
              {t.family_add}
            </a>
          </p>
        )}
      </Panel>
      <Panel title={t.team} hint={t.team_hint}>
        <p>{k.team.length ? k.team.map((m) => m.name).join(", ") : t.team_none}</p>
        {props.seesSensitive && (
          <p>
            <a class="button secondary" href={`/cases/${k.id}/team`}>
              {t.team_edit}
            </a>
          </p>
        )}
      </Panel>
      <CaseSensitivePanel {...props} />
      <Panel title={t.public_title}>
        <p>
          <span class={`badge ${k.public ? "case-public" : ""}`}>
            {k.public ? t.public_yes : t.public_no}
          </span>
        </p>
        <p class="hint">{t.public_hint}</p>
        <BilingualFacts
          es={{ label: t.public_story_es, text: k.publicStory.es ?? t.story_missing }}
          en={{ label: t.public_story_en, text: k.publicStory.en ?? t.story_missing }}
        />
      </Panel>
    </Page>
  );
}

function Timeline(props: CasePageProps & { writer: boolean }) {
  const t = casesText[props.lang];
  const te = eventsText[props.lang];
  const { kase: k, lang } = props;
  const tz = props.auth.org.timeZone;
  return (
    <Panel title={t.timeline}>
      {props.writer && (
        <form method="get" action={`/cases/${k.id}/events/new`} class="searchbar record-event">
          <div class="field">
            <label for="f-kind">{t.record}</label>
            <select id="f-kind" name="kind">
              {CASE_EVENT_KINDS.map((kind) => (
                <option value={kind}>{te[`kind_${kind}`]}</option>
              ))}
            </select>
          </div>
          <button type="submit" class="secondary">
            {te.submit}
          </button>
        </form>
      )}
      {props.events.length === 0 ? (
        <p class="muted">{t.timeline_empty}</p>
      ) : (
        <ol class="list timeline">
          {props.events.map((e) => (
            <li class="list-item" id={`event-${e.id}`}>
              <span class="title">{te[`kind_${e.kind}`]}</span>
              <time datetime={e.occurredAt.toISOString()}>
                {formatDateTime(e.occurredAt, lang, tz)}
              </time>
              {eventDetail(e, lang).map((line) => (
                <span class="meta">{line}</span>
              ))}
              {e.note && <p class="prewrap">{e.note}</p>}
              <span class="meta">
                {e.recordedBy?.name
                  ? t.recorded_by(e.recordedBy.name, formatDateTime(e.createdAt, lang, tz))
                  : t.recorded_on(formatDateTime(e.createdAt, lang, tz))}
              </span>
              {props.writer && e.kind === "hearing_scheduled" && (
                <a class="muted" href={`/cases/${k.id}/events/${e.id}/reschedule`}>
                  {te.reschedule}
                  <span class="visually-hidden"> {te[`kind_${e.kind}`]}</span>
                </a>
              )}
              {props.writer && (
                <a class="muted" href={`/cases/${k.id}/events/${e.id}/delete`}>
                  {te.delete}
                  <span class="visually-hidden"> {te[`kind_${e.kind}`]}</span>
                </a>
              )}
            </li>
          ))}
        </ol>
      )}
    </Panel>
  );
}

function CaseSensitivePanel(props: CasePageProps) {
  const t = casesText[props.lang];
  const { kase: k, sensitive: s } = props;
  return (
    <SensitivePanel
      title={t.sensitive_title}
      csrf={props.csrf}
      revealed={!!s}
      mayReveal={props.seesSensitive}
      revealAction={`/cases/${k.id}/sensitive`}
      facts={[
        {
          label: t.a_number,
          value: s?.aNumber ? formatANumber(s.aNumber) : t.sensitive_empty,
          saved: k.hasANumber,
        },
        {
          label: t.birthdate,
          value: s?.birthdate ? formatDay(s.birthdate, props.lang) : t.sensitive_empty,
          saved: k.hasBirthdate,
        },
        {
          label: t.notes,
          value: s?.notes ?? t.sensitive_empty,
          saved: k.hasNotes,
          class: "prewrap",
        },
      ]}
      texts={{
        saved: t.sensitive_saved,
        notSaved: t.sensitive_empty,
        logged: t.sensitive_logged,
        hint: t.sensitive_hint,
        show: t.show_sensitive,
        noAccess: t.sensitive_no_access,
      }}
    />
  );
}

/** The funds raised for the case, their public pages to share, and "Raise funds for this case". */
function FundsPanel(props: CasePageProps) {
  const t = casesText[props.lang];
  const { kase: k, lang, auth } = props;
  const shared = props.funds.filter((f) => f.public);
  return (
    <Panel title={t.funds_title} id="funds">
      <ItemList
        items={props.funds}
        none={t.funds_none}
        item={(f) => (
          <>
            {can(auth.role, "funds.read") ? (
              <a class="title" href={`/funds/${f.id}`}>
                {pick(f.title, lang).text}
              </a>
            ) : (
              <span class="title">{pick(f.title, lang).text}</span>
            )}
            <span class="meta">
              {f.public ? t.fund_public : t.fund_private}
              {f.open ? "" : ` · ${t.fund_closed}`}
            </span>
          </>
        )}
      />
      {shared.map((f) => (
        <ShareLinks
          lang={lang}
          id={`share-${f.slug}`}
          heading={shared.length > 1 ? pick(f.title, lang).text : false}
          path={`/p/${auth.org.slug}/c/${f.slug}`}
          flyerPath={`/p/${auth.org.slug}/c/${f.slug}/flyer.pdf`}
          base={props.publicBase}
        />
      ))}
      {can(auth.role, "funds.manage") && (
        <p>
          <a class="button secondary" href={`/funds/new?case=${k.id}`}>
            {t.raise_funds}
          </a>
        </p>
      )}
    </Panel>
  );
}
