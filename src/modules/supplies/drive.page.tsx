import { pick } from "../../platform/bilingual";
import { formatDateTime } from "../../platform/i18n";
import { can } from "../../platform/permissions";
import { Facts } from "../../platform/ui/facts";
import type { FormState } from "../../platform/ui/forms";
import { ButtonForm } from "../../platform/ui/forms";
import { Page, Panel } from "../../platform/ui/layout";
import { ItemList, PlainList } from "../../platform/ui/lists";
import type { NeedWithFigures } from "./drive-figures";
import { AddNeedForm, AddNotAcceptedForm, AddPointForm } from "./drive-forms";
import type { Drive, DropOffPoint, NotAccepted } from "./drive-record";
import { formatHours } from "./hours";
import type { MovementLine } from "./movement-record";
import { suppliesText } from "./supplies.messages";
import { DriveBadges, NeedBar, Notice, type View } from "./supplies-ui";
import { amountText, itemLabel } from "./units";

export type DashboardProps = View & {
  drive: Drive;
  needs: NeedWithFigures[];
  points: DropOffPoint[];
  notAccepted: NotAccepted[];
  movements: MovementLine[];
  publicUrl: string;
  forms?: { need?: FormState; point?: FormState; notAccepted?: FormState };
  notice?: string | undefined;
};

export function DriveDashboardPage(props: DashboardProps) {
  const { drive, lang } = props;
  const t = suppliesText[lang];
  const manager = can(props.auth.role, "supplies.manage");
  const title = pick(drive.title, lang).text;
  const needName = new Map(props.needs.map((n) => [n.id, n]));
  const pointName = new Map(props.points.map((p) => [p.id, p.name]));
  return (
    <Page {...props} title={title} section="supplies">
      <div class="page-head">
        <h1>{title}</h1>
        <DriveBadges drive={drive} lang={lang} />
      </div>
      <p class="lede">{t.dashboard_lede}</p>
      <Notice text={props.notice} />
      <p class="supply-actions">
        <a class="button" href={`/supplies/${drive.id}/receive`}>
          {t.receive}
        </a>
        {drive.public && <a href={props.publicUrl}>{t.public_page}</a>}
        {drive.public && <a href={`${props.publicUrl}/flyer.pdf`}>{t.flyer}</a>}
        <a href={`/supplies/${drive.id}/export.csv`}>{t.export_csv}</a>
        {manager && <a href={`/supplies/${drive.id}/edit`}>{t.edit}</a>}
      </p>
      <Panel title={t.needs_title}>
        {props.needs.length === 0 ? (
          <p>{t.needs_empty}</p>
        ) : (
          <ul class="supply-needs">
            {props.needs.map((n) => {
              const label = itemLabel(n.item, n.variant, lang);
              const f = n.figures;
              const q = (v: typeof f.needed) => amountText(v, n.unit, lang);
              return (
                <li class="supply-need">
                  <p class="supply-need-name">
                    <strong>{label}</strong>{" "}
                    {n.urgent && <span class="badge supply-urgent">{t.urgent}</span>}{" "}
                    {n.condition === "new_only" && <span class="badge">{t.new_only}</span>}
                  </p>
                  <NeedBar figures={f} label={t.bar_label(label, q(f.received), q(f.needed))} />
                  <Facts
                    class="supply-figures"
                    grouped
                    items={[
                      { label: t.needed, value: q(f.needed) },
                      { label: t.pledged, value: q(f.pledged) },
                      { label: t.received, value: q(f.received) },
                      { label: t.delivered, value: q(f.delivered) },
                      { label: t.on_hand, value: q(f.onHand) },
                      { label: t.still_needed, value: <strong>{q(f.stillNeeded)}</strong> },
                    ]}
                  />
                </li>
              );
            })}
          </ul>
        )}
        {manager && <AddNeedForm {...props} form={props.forms?.need} />}
      </Panel>
      <Panel title={t.points_title}>
        <ItemList
          items={props.points}
          none={t.points_empty}
          noneClass=""
          item={(p) => (
            <>
              <span class="title">{p.name}</span>
              {!p.active && <span class="badge">{t.point_inactive}</span>}
              {p.address && <span class="meta">{p.address}</span>}
              <span class="meta">{formatHours(p.hours, lang).join(" · ")}</span>
              {manager && (
                <ButtonForm
                  action={`/supplies/${drive.id}/points/${p.id}/active`}
                  csrf={props.csrf}
                  hidden={{ active: p.active ? "no" : "yes" }}
                >
                  {p.active ? t.deactivate_point : t.activate_point}
                </ButtonForm>
              )}
            </>
          )}
        />
        {manager && <AddPointForm {...props} form={props.forms?.point} />}
      </Panel>
      <Panel title={t.not_accepted_title}>
        <PlainList
          items={props.notAccepted}
          none={t.not_accepted_empty}
          noneClass=""
          class="supply-not"
          item={(n) => (
            <>
              {pick(n.text, lang).text}
              {n.pointId && <span class="muted"> · {pointName.get(n.pointId)}</span>}
            </>
          )}
        />
        {manager && <AddNotAcceptedForm {...props} form={props.forms?.notAccepted} />}
      </Panel>
      <Panel title={t.movements_title}>
        <ItemList
          items={props.movements}
          none={t.movements_empty}
          noneClass=""
          item={(m) => {
            const need = needName.get(m.needId);
            return (
              <>
                <span class="title">
                  {m.reverses ? `${t.reversal}: ` : ""}
                  {t[`kind_${m.kind}`]} ·{" "}
                  {need
                    ? `${amountText(m.quantity, need.unit, lang)} · ${itemLabel(need.item, need.variant, lang)}`
                    : ""}
                </span>
                <span class="meta">
                  {formatDateTime(m.occurredAt, lang, props.auth.org.timeZone)}
                  {m.pointId ? ` · ${pointName.get(m.pointId) ?? ""}` : ""}
                </span>
                {m.reversedBy && <span class="badge">{t.reversed}</span>}
                {!m.reverses && !m.reversedBy && can(props.auth.role, "supplies.receive") && (
                  <a href={`/supplies/${drive.id}/movements/${m.id}/undo`}>{t.undo}</a>
                )}
              </>
            );
          }}
        />
      </Panel>
    </Page>
  );
}

export function UndoMovementPage(
  props: View & { driveId: string; movement: MovementLine; label: string },
) {
  const t = suppliesText[props.lang];
  return (
    <Page {...props} title={t.undo_title} section="supplies">
      <h1>{t.undo_title}</h1>
      <p class="lede">{props.label}</p>
      <p>{t.undo_body}</p>
      <form method="post" action={`/supplies/${props.driveId}/movements/${props.movement.id}/undo`}>
        <input type="hidden" name="_csrf" value={props.csrf} />
        <div class="form-actions">
          <button type="submit" class="primary">
            {t.undo_confirm}
          </button>
          <a href={`/supplies/${props.driveId}`}>{t.back_to_dashboard}</a>
        </div>
      </form>
    </Page>
  );
}
