import { can } from "../../platform/permissions";
import { optionsOf } from "../../platform/ui/forms";
import { FilterSelect, ListPage, listSearch, listStates, paged } from "../../platform/ui/list-page";
import { ItemList, Meta } from "../../platform/ui/lists";
import type { ViewProps } from "../../platform/ui/view";
import { actionsText } from "./actions.messages";
import { Title, whenText } from "./actions-ui";
import type { CohostInvitation } from "./cohost-invitations";
import { CohostInvitations } from "./cohost-invitations-ui";
import type { EventList, EventWhen } from "./list-events";

type Props = ViewProps & {
  result: EventList;
  filters: { q: string; when: EventWhen };
  notice?: string;
  invitations?: readonly CohostInvitation[];
};

export function ActionsListPage(props: Props) {
  const t = actionsText[props.lang];
  const { result, filters } = props;
  const filtering = !!filters.q || filters.when !== "upcoming";
  return (
    <ListPage
      {...props}
      title={t.title}
      section="actions"
      notice={props.notice}
      lead={
        <CohostInvitations
          invitations={props.invitations ?? []}
          lang={props.lang}
          csrf={props.csrf}
        />
      }
      add={can(props.auth.role, "actions.manage") ? { href: "/actions/new", label: t.add } : null}
      search={listSearch(
        t,
        "/actions",
        filters.q,
        <FilterSelect
          name="when"
          label={t.when_label}
          anyLabel={t.when_upcoming}
          value={filters.when === "upcoming" ? "" : filters.when}
          options={optionsOf(["past", "all"] as const, (w) => t[`when_${w}`])}
        />,
      )}
      filtering={filtering}
      {...paged(result, "/actions", { when: filters.when, q: filters.q })}
      count={t.found(result.total)}
      {...listStates(t, "/actions?when=all")}
    >
      <EventItems {...props} />
    </ListPage>
  );
}

/** The actions found: title, readiness (a number of gaps) or status, kind, when, where. */
function EventItems(props: Props) {
  const t = actionsText[props.lang];
  const { result } = props;
  return (
    <ItemList
      items={result.items}
      class="action-list"
      item={(e) => (
        <>
          <a class="title" href={`/actions/${e.id}`}>
            <Title text={e.title} lang={props.lang} />
          </a>
          {e.status === "done" || e.status === "cancelled" ? (
            <span class="badge muted-badge">{t[`status_${e.status}`]}</span>
          ) : e.missing === 0 ? (
            <span class="badge ready-badge">{t.ready_badge}</span>
          ) : (
            <span class="badge missing-badge">{t.missing_badge(e.missing)}</span>
          )}
          <Meta
            items={[
              t[`kind_${e.kind}`],
              whenText(e, props.lang),
              e.placeName ?? "",
              e.isHost ? "" : t.cohosted_badge,
            ]}
          />
        </>
      )}
    />
  );
}
