import { common } from "../../platform/common.messages";
import type { Lang } from "../../platform/i18n";
import { can } from "../../platform/permissions";
import { Notice } from "../../platform/ui/blocks";
import { Csrf } from "../../platform/ui/forms";
import { Page } from "../../platform/ui/layout";
import { canClose } from "./lesson";
import { LessonStatus, type View } from "./review.page";
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
      <search>
        <form method="get" action="/lessons" class="searchbar">
          <div class="field">
            <label for="f-q">{t.search_label}</label>
            <input
              id="f-q"
              name="q"
              type="search"
              value={props.filters.q}
              maxlength={200}
              autocomplete="off"
            />
          </div>
          <div class="field">
            <label for="f-kind">{t.kind_filter}</label>
            <select id="f-kind" name="kind">
              <option value="">{t.all_kinds}</option>
              {props.kinds.map((k) => (
                <option value={k.value} selected={k.value === props.filters.kind}>
                  {k.label}
                </option>
              ))}
            </select>
          </div>
          <div class="check">
            <input
              type="checkbox"
              id="f-closed"
              name="closed"
              value="1"
              checked={props.filters.closed}
            />
            <label for="f-closed">{t.show_closed}</label>
          </div>
          <button type="submit" class="secondary">
            {common[props.lang].search}
          </button>
        </form>
      </search>
      {props.lessons.length === 0 ? (
        <div class="empty">
          {filtered ? (
            <>
              <h2>{t.no_results}</h2>
              <a class="button secondary" href="/lessons">
                {t.clear_search}
              </a>
            </>
          ) : (
            <>
              <h2>{t.lessons_empty_title}</h2>
              <p>{t.lessons_empty_body}</p>
              <a class="button" href="/actions">
                {t.go_actions}
              </a>
            </>
          )}
        </div>
      ) : (
        <ul class="list">
          {props.lessons.map((l) => (
            <li class="list-item">
              <span class="title">{l.text}</span>
              <LessonStatus lesson={l} lang={props.lang} />
              <span class="meta">{t.kind_label(props.kindLabel(l.eventKind, props.lang))}</span>
              {manager && canClose(l) && (
                <form method="post" action={`/lessons/${l.id}/close`} class="inline">
                  <Csrf token={props.csrf} />
                  <button type="submit" class="secondary" title={t.close_hint}>
                    {t.close_lesson}
                  </button>
                </form>
              )}
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}
