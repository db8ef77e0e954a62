import { pick } from "../../platform/bilingual";
import { formatDateTime } from "../../platform/i18n";
import { ListPage, listSearch, listStates, onePage } from "../../platform/ui/list-page";
import type { ViewProps } from "../../platform/ui/view";
import type { ElectionSummary } from "./election-record";
import { electionsText } from "./elections.messages";

export function ElectionsListPage(
  props: ViewProps & { elections: ElectionSummary[]; q: string; canAdd: boolean; notice?: string },
) {
  const t = electionsText[props.lang];
  const zone = props.auth.org.timeZone;
  const n = props.elections.length;
  return (
    <ListPage
      {...props}
      title={t.title}
      section="elections"
      add={props.canAdd ? { href: "/elections/new", label: t.add } : null}
      search={listSearch(t, "/elections", props.q)}
      filtering={props.q !== ""}
      {...onePage(n, "/elections")}
      count={t.count(n)}
      {...listStates(t)}
    >
      <ul class="list">
        {props.elections.map((e) => {
          const when = (at: Date) => formatDateTime(new Date(at), props.lang, zone);
          const title = pick(e.title, props.lang);
          return (
            <li class="list-item">
              <a
                class="title"
                href={`/elections/${e.id}`}
                lang={title.lang === props.lang ? undefined : title.lang}
              >
                {title.text}
              </a>
              <span class={`badge status-${e.status}`}>{t[`status_${e.status}`]}</span>
              <span class="meta">
                {e.status === "draft"
                  ? t.opens(when(e.opensAt))
                  : e.closedAt
                    ? t.closed_on(when(e.closedAt))
                    : t.closes(when(e.closesAt))}
              </span>
            </li>
          );
        })}
      </ul>
    </ListPage>
  );
}
