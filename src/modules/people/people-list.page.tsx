import { formatNumber, type Lang } from "../../platform/i18n";
import { can } from "../../platform/permissions";
import { optionsOf } from "../../platform/ui/forms";
import { FilterSelect, ListPage, listSearch, listStates, paged } from "../../platform/ui/list-page";
import { PersonTitle } from "../../platform/ui/lists";
import type { ViewProps } from "../../platform/ui/view";
import { peopleText } from "./people.messages";
import { ENGAGEMENT_LEVELS } from "./person";
import type { PeoplePage } from "./search-people";

type Props = ViewProps & {
  result: PeoplePage;
  tags: string[];
  filters: { q: string; tag: string; level: string };
  notice?: string | undefined;
};

export function PeopleListPage(props: Props) {
  const t = peopleText[props.lang];
  const { filters, result } = props;
  return (
    <ListPage
      {...props}
      title={t.title}
      section="people"
      add={can(props.auth.role, "people.write") ? { href: "/people/new", label: t.add } : null}
      search={listSearch(
        t,
        "/people",
        filters.q,
        <>
          <FilterSelect
            name="tag"
            label={t.tag_filter}
            anyLabel={t.any}
            value={filters.tag}
            options={optionsOf(props.tags, (tag) => tag)}
          />
          <FilterSelect
            name="level"
            label={t.level_filter}
            anyLabel={t.any}
            value={filters.level}
            options={optionsOf(ENGAGEMENT_LEVELS, (l) => t[`level_${l}`])}
          />
        </>,
      )}
      filtering={!!(filters.q || filters.tag || filters.level)}
      {...paged(result, "/people", filters)}
      count={
        result.totalIsEstimate
          ? t.found_about(formatNumber(roughly(result.total), props.lang))
          : t.found(result.total)
      }
      {...listStates(t)}
    >
      <ul class="list">
        {result.people.map((p) => (
          <PersonItem person={p} lang={props.lang} />
        ))}
      </ul>
    </ListPage>
  );
}

function PersonItem(props: { person: PeoplePage["people"][number]; lang: Lang }) {
  const t = peopleText[props.lang];
  const p = props.person;
  const fullName = [p.givenName, p.familyName].filter(Boolean).join(" ");
  return (
    <li class="list-item">
      <PersonTitle id={p.id} name={p.displayName} />
      <span class={`badge level-${p.engagementLevel}`}>{t[`level_${p.engagementLevel}`]}</span>
      <span class="meta">
        {[fullName !== p.displayName ? fullName : "", p.emails[0]?.address, p.phones[0]?.number]
          .filter(Boolean)
          .join(" · ")}
        {p.tags.length > 0 && (
          <span>
            {" "}
            {p.tags.map((tag) => (
              <span class="tag">{tag}</span>
            ))}
          </span>
        )}
      </span>
    </li>
  );
}

/** An estimate shown with two significant digits: 812,345 → 810,000. */
function roughly(n: number): number {
  const step = 10 ** Math.max(0, Math.floor(Math.log10(n)) - 1);
  return Math.round(n / step) * step;
}
