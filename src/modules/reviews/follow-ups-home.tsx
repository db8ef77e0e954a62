import type { Db } from "../../db/client";
import { pick } from "../../platform/bilingual";
import { formatDay, type Lang } from "../../platform/i18n";
import { dayInZone } from "../../platform/time";
import { ButtonForm } from "../../platform/ui/forms";
import { Panel } from "../../platform/ui/layout";
import { ItemList } from "../../platform/ui/lists";
import { getEvent } from "../actions/index";
import { followUpsInOrder } from "./review";
import { openFollowUpsOf } from "./review-record";
import { reviewsText } from "./reviews.messages";

// Published for the home dashboard: the signed-in user's open follow-ups, until done.

export type HomeFollowUp = {
  id: string;
  text: string;
  dueOn: string;
  overdue: boolean;
  eventId: string;
  eventTitle: { es: string; en: string } | null;
};

export async function followUpsForHome(
  db: Db,
  orgId: string,
  userId: string | null,
  timeZone: string,
  now = new Date(),
): Promise<HomeFollowUp[]> {
  if (!userId) return [];
  const items = followUpsInOrder(
    await openFollowUpsOf(db, orgId, userId),
    dayInZone(now, timeZone),
  );
  const titles = new Map<string, { es: string; en: string } | null>();
  for (const id of new Set(items.map((i) => i.eventId))) {
    titles.set(id, (await getEvent(db, orgId, id))?.title ?? null);
  }
  return items.map((i) => ({
    id: i.id,
    text: i.text,
    dueOn: i.dueOn,
    overdue: i.overdue,
    eventId: i.eventId,
    eventTitle: titles.get(i.eventId) ?? null,
  }));
}

export function FollowUpsPanel(props: { items: HomeFollowUp[]; lang: Lang; csrf: string }) {
  const t = reviewsText[props.lang];
  if (props.items.length === 0) return null;
  return (
    <Panel title={t.home_title}>
      <ItemList
        items={props.items}
        item={(f) => (
          <>
            <span class="title">{f.text}</span>
            {f.overdue && <span class="badge missing-badge">{t.overdue}</span>}
            <span class="meta">
              {t.due_on(formatDay(f.dueOn, props.lang))}
              {f.eventTitle && (
                <>
                  {" · "}
                  <a href={`/actions/${f.eventId}/review`}>{pick(f.eventTitle, props.lang).text}</a>
                </>
              )}
            </span>
            <ButtonForm
              action={`/follow-ups/${f.id}/done`}
              csrf={props.csrf}
              hidden={{ back: "/" }}
            >
              {t.mark_done}
            </ButtonForm>
          </>
        )}
      />
    </Panel>
  );
}
