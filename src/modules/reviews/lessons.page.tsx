import { common } from "../../platform/common.messages";
import type { Lang } from "../../platform/i18n";
import { can } from "../../platform/permissions";
import { Notice } from "../../platform/ui/blocks";
import { CheckItem } from "../../platform/ui/field-frame";
import { ButtonForm } from "../../platform/ui/forms";
import { Page } from "../../platform/ui/layout";
import { FilterSelect, SearchForm } from "../../platform/ui/list-page";
import { ItemList, ListEmpty } from "../../platform/ui/lists";
import { canClose } from "./lesson";
import { LessonLine, type View } from "./review.page";
import type { Lesson } from "./review-record";
import { reviewsText } from "./reviews.messages";

// Every lesson, searchable and by kind of action; close the ones that became habit.

type Props = View & {
  lessons: Lesson[];
  kinds: { value: string; label: string }[];
  kindLabel: (kind: string, lang: Lang) => string;
  filters: { q: string; kind: string; closed: boolean };
  notice?: string | undefined;
};

export function LessonsPage(props: Props) {
  const t = reviewsText[props.lang];
  const manager = can(props.auth.role, "lessons.manage");
  const filtered = props.filters.q || props.filters.kind || props.filters.closed;
  return (
    <Page {...props} title={t.all_lessons_title} section="leaders">
      <h1>{t.all_lessons_title}</h1>
      <p class="lede">{t.all_lessons_lede}</p>
      <Notice text={props.notice} />
      <SearchForm
        action="/lessons"
        q={props.filters.q}
        label={t.search_label}
        button={common[props.lang].search}
        fields={
          <>
            <FilterSelect
              name="kind"
              label={t.kind_filter}
              anyLabel={t.all_kinds}
              value={props.filters.kind}
              options={props.kinds}
            />
            <CheckItem
              id="f-closed"
              name="closed"
              value="1"
              checked={props.filters.closed}
              label={t.show_closed}
            />
          </>
        }
      />
      {props.lessons.length === 0 ? (
        <ListEmpty
          filtering={!!filtered}
          empty={{
            title: t.lessons_empty_title,
            body: t.lessons_empty_body,
            action: { href: "/actions", label: t.go_actions },
          }}
          noResults={{ title: t.no_results, clearLabel: t.clear_search, clearHref: "/lessons" }}
        />
      ) : (
        <ItemList
          items={props.lessons}
          item={(l) => (
            <>
              <LessonLine lesson={l} lang={props.lang} />
              <span class="meta">{t.kind_label(props.kindLabel(l.eventKind, props.lang))}</span>
              {manager && canClose(l) && (
                <ButtonForm
                  action={`/lessons/${l.id}/close`}
                  csrf={props.csrf}
                  title={t.close_hint}
                >
                  {t.close_lesson}
                </ButtonForm>
              )}
            </>
          )}
        />
      )}
    </Page>
  );
}
