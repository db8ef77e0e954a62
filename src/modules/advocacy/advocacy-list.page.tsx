import { can } from "../../platform/permissions";
import { InLang } from "../../platform/ui/blocks";
import { ListPage, listSearch, listStates, paged } from "../../platform/ui/list-page";
import { ItemList } from "../../platform/ui/lists";
import { advocacyText } from "./advocacy.messages";
import { Badges, type View } from "./advocacy-ui";
import type { CallCampaignPage } from "./call-campaign-record";

type Props = View & {
  found: CallCampaignPage;
  q: string;
  forCase: { id: string; name: string } | null;
  notice?: string | undefined;
};

export function AdvocacyListPage(props: Props) {
  const t = advocacyText[props.lang];
  const found = props.found;
  const writer = can(props.auth.role, "advocacy.write");
  const newHref = props.forCase ? `/advocacy/new?case=${props.forCase.id}` : "/advocacy/new";
  return (
    <ListPage
      {...props}
      title={t.title}
      section="advocacy"
      add={writer ? { href: newHref, label: t.add } : null}
      lead={
        <>
          <p class="lede">{t.lede}</p>
          {props.forCase && (
            <p class="alert alert-info">
              {t.for_case(props.forCase.name)} · <a href="/advocacy">{t.see_all}</a>
            </p>
          )}
        </>
      }
      search={listSearch(
        t,
        "/advocacy",
        props.q,
        props.forCase && <input type="hidden" name="case" value={props.forCase.id} />,
      )}
      filtering={props.q !== ""}
      {...paged(found, "/advocacy", { q: props.q, case: props.forCase?.id })}
      count={t.found(found.total)}
      {...listStates(t, "/advocacy")}
    >
      <ItemList
        items={found.items}
        item={(item) => (
          <>
            <a class="title" href={`/advocacy/${item.id}`}>
              <InLang text={item.title} lang={props.lang} />
            </a>
            <Badges campaign={item} lang={props.lang} />
            <span class="meta">
              {[
                t.case_of(item.personDisplayName),
                t.targets(item.targets),
                t.calls_counted(item.calls),
              ].join(" · ")}
            </span>
          </>
        )}
      />
    </ListPage>
  );
}
