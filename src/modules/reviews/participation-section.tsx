import { pick } from "../../platform/bilingual";
import type { AppContext } from "../../platform/http";
import { formatDate, type Lang } from "../../platform/i18n";
import { can } from "../../platform/permissions";
import { ButtonForm } from "../../platform/ui/forms";
import { Panel } from "../../platform/ui/layout";
import { ItemList } from "../../platform/ui/lists";
import type { Person } from "../people/person";
import { roleLabel } from "./actions-port";
import { type Participation, personParticipation } from "./leadership-data";
import { levelLabel } from "./level-label";
import { leadersText } from "./reviews.messages";

// Published for the person page: the actions a person came to, every role they held, and
// the level their participation suggests (confirmed by an organizer, never applied alone).

export function ParticipationSection(props: {
  personId: string;
  level: string;
  participation: Participation;
  lang: Lang;
  timeZone: string;
  csrf: string;
  canConfirm: boolean;
  levelLabel: (level: string, lang: Lang) => string;
}) {
  const t = leadersText[props.lang];
  const { participation: p, lang } = props;
  return (
    <Panel title={t.person_section}>
      {p.suggested && (
        <div class="alert alert-info">
          <p>{t.suggestion_for_person(props.levelLabel(p.suggested, lang))}</p>
          {props.canConfirm && (
            <ButtonForm
              action={`/leaders/${props.personId}/level`}
              csrf={props.csrf}
              hidden={{ from: props.level, to: p.suggested, back: `/people/${props.personId}` }}
            >
              {t.confirm}
            </ButtonForm>
          )}
        </div>
      )}
      <h3>{t.came_to}</h3>
      <ItemList
        items={p.attended}
        none={t.person_none}
        item={(a) => (
          <>
            <a class="title" href={`/actions/${a.eventId}`}>
              {pick(a.title, lang).text}
            </a>
            <span class="meta">{formatDate(a.startsAt, lang, props.timeZone)}</span>
          </>
        )}
      />
      <h3>{t.roles_held}</h3>
      <ItemList
        items={p.roles}
        none={t.roles_none}
        item={(r) => (
          <>
            <span class="title">{r.customName ?? roleLabel(r.role, lang)}</span>
            <span class="meta">
              <a href={`/actions/${r.eventId}`}>{pick(r.title, lang).text}</a> ·{" "}
              {formatDate(r.startsAt, lang, props.timeZone)}
            </span>
          </>
        )}
      />
    </Panel>
  );
}

/** The person page's section, registered in app.ts through people's addPersonSection. */
export const participationSection = async (c: AppContext, person: Person) => {
  const auth = c.var.signedIn;
  const lang = c.get("lang");
  const participation = await personParticipation(
    c.get("deps").db,
    auth.org.id,
    person,
    new Date(),
  );
  return (
    <ParticipationSection
      personId={person.id}
      level={person.engagementLevel}
      participation={participation}
      lang={lang}
      timeZone={auth.org.timeZone}
      csrf={c.get("csrf")}
      canConfirm={can(auth.role, "leaders.manage")}
      levelLabel={levelLabel}
    />
  );
};
