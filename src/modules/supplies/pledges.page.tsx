import { pick } from "../../platform/bilingual";
import { formatDay } from "../../platform/i18n";
import { can } from "../../platform/permissions";
import { ButtonForm } from "../../platform/ui/forms";
import { Empty, ItemList, Meta } from "../../platform/ui/lists";
import { suppliesText } from "./supplies.messages";
import type { DuePledge } from "./supplies-today";
import { SectionPage, type View } from "./supplies-ui";
import { amountText, itemLabel } from "./units";

export function PledgesDuePage(
  props: View & { pledges: DuePledge[]; names: Map<string, string>; notice?: string | undefined },
) {
  const t = suppliesText[props.lang];
  const lang = props.lang;
  const receiver = can(props.auth.role, "supplies.receive");
  return (
    <SectionPage {...props} title={t.pledges_title} lede={t.pledges_lede}>
      {props.pledges.length === 0 ? (
        <Empty
          body={t.pledges_empty}
          action={{ href: "/supplies", label: t.title, secondary: true }}
        />
      ) : (
        <ItemList
          items={props.pledges}
          item={(p) => (
            <>
              <span class="title">
                {amountText(p.open, p.unit, lang)} · {itemLabel(p.item, p.variant, lang)}
              </span>
              <Meta
                items={[
                  pick(p.driveTitle, lang).text,
                  p.personId
                    ? t.pledge_from(props.names.get(p.personId) ?? t.pledge_anonymous)
                    : t.pledge_anonymous,
                  p.pointName,
                  p.dueOn ? formatDay(p.dueOn, lang) : null,
                ]}
              />
              {receiver && (
                <span class="item-actions">
                  <ButtonForm
                    action={`/supplies/pledges/${p.id}/arrived`}
                    csrf={props.csrf}
                    tone="primary"
                  >
                    {t.pledge_received}
                  </ButtonForm>
                  <ButtonForm action={`/supplies/pledges/${p.id}/cancel`} csrf={props.csrf}>
                    {t.pledge_cancel}
                  </ButtonForm>
                </span>
              )}
            </>
          )}
        />
      )}
    </SectionPage>
  );
}
