import { pick } from "../../platform/bilingual";
import { Alert } from "../../platform/ui/blocks";
import type { FormState } from "../../platform/ui/forms";
import { Submit } from "../../platform/ui/forms";
import { Page } from "../../platform/ui/layout";
import { SearchForm } from "../../platform/ui/list-page";
import type { NeedWithFigures } from "./drive-figures";
import type { Drive, DropOffPoint } from "./drive-record";
import type { MovementKind } from "./stock";
import { suppliesText } from "./supplies.messages";
import { Notice, type View } from "./supplies-ui";
import { amountText, itemLabel, unitName } from "./units";

// The drop-off screen, for a phone in one hand: tap the item, tap how many, done. The kind
// (receive / deliver / discard) and the drop-off point ride in the query string, so the
// screen comes back the same way after each tap.

export type ReceiveState = { kind: MovementKind; pointId: string | null; q: string };

export function receiveQuery(s: ReceiveState, extra: Record<string, string> = {}): string {
  const p = new URLSearchParams({
    kind: s.kind,
    ...(s.pointId ? { point: s.pointId } : {}),
    ...(s.q ? { q: s.q } : {}),
    ...extra,
  });
  return `?${p.toString()}`;
}

const TITLES = {
  received: "receive_title",
  delivered: "deliver_title",
  discarded: "discard_title",
} as const;

export function ReceivePage(
  props: View & {
    drive: Drive;
    needs: NeedWithFigures[];
    points: DropOffPoint[];
    state: ReceiveState;
    notice?: string | undefined;
  },
) {
  const t = suppliesText[props.lang];
  const { drive, state, lang } = props;
  const base = `/supplies/${drive.id}/receive`;
  return (
    <Page {...props} title={t[TITLES[state.kind]]} section="supplies">
      <p class="muted">
        <a href={`/supplies/${drive.id}`}>{pick(drive.title, lang).text}</a>
      </p>
      <h1>{t[TITLES[state.kind]]}</h1>
      <Notice text={props.notice} />
      <nav class="supply-kinds" aria-label={t.receive}>
        {(["received", "delivered", "discarded"] as const).map((k) => (
          <a
            href={`${base}${receiveQuery({ ...state, kind: k, q: "" })}`}
            aria-current={k === state.kind ? "page" : undefined}
          >
            {t[TITLES[k]]}
          </a>
        ))}
      </nav>
      {props.points.length > 0 && (
        <nav class="supply-points" aria-label={t.choose_point}>
          <span class="muted">{t.choose_point}</span>
          {props.points.map((p) => (
            <a
              href={`${base}${receiveQuery({ ...state, pointId: p.id })}`}
              aria-current={p.id === state.pointId ? "true" : undefined}
            >
              {p.name}
            </a>
          ))}
        </nav>
      )}
      <SearchForm
        action={base}
        q={state.q}
        label={t.search_item}
        button={t.search_item}
        fields={
          <>
            <input type="hidden" name="kind" value={state.kind} />
            {state.pointId && <input type="hidden" name="point" value={state.pointId} />}
          </>
        }
      />
      {props.needs.length === 0 ? (
        <p class="empty">{t.no_items}</p>
      ) : (
        <ul class="supply-pick">
          {props.needs.map((n) => (
            <li>
              <a href={`${base}/${n.id}${receiveQuery(state)}`}>
                <span class="supply-pick-name">{itemLabel(n.item, n.variant, lang)}</span>
                <span class="supply-pick-meta">
                  {state.kind === "received"
                    ? `${t.still_needed}: ${amountText(n.figures.stillNeeded, n.unit, lang)}`
                    : `${t.on_hand}: ${amountText(n.figures.onHand, n.unit, lang)}`}
                </span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}

const QUICK = [1, 2, 3, 5, 10, 12, 20, 24, 50];

export function QuantityPage(
  props: View & { drive: Drive; need: NeedWithFigures; state: ReceiveState; form: FormState },
) {
  const t = suppliesText[props.lang];
  const { need, state, lang, form } = props;
  const label = itemLabel(need.item, need.variant, lang);
  const action = `/supplies/${props.drive.id}/receive/${need.id}${receiveQuery(state)}`;
  const error = form.errors.quantity;
  return (
    <Page {...props} title={t[TITLES[state.kind]]} section="supplies">
      <p class="muted">
        <a href={`/supplies/${props.drive.id}/receive${receiveQuery(state)}`}>
          ← {t[TITLES[state.kind]]}
        </a>
      </p>
      <h1>{t.how_many(label)}</h1>
      <Alert
        text={
          error && (t[`problem_${error}` as `problem_${QuantityProblemKey}`] ?? t.problem_invalid)
        }
      />
      <form method="post" action={action}>
        <input type="hidden" name="_csrf" value={props.csrf} />
        {state.kind !== "received" && (
          <div class="field">
            <label for="f-method">{t.method}</label>
            <select id="f-method" name="method">
              {(state.kind === "delivered"
                ? (["pickup", "delivery", "shipped"] as const)
                : (["expired", "damaged", "other"] as const)
              ).map((m) => (
                <option value={m} selected={form.values.method === m}>
                  {t[`method_${m}`]}
                </option>
              ))}
            </select>
          </div>
        )}
        <div class="supply-quick">
          {QUICK.map((n) => (
            <button type="submit" name="quantity" value={String(n)} class="secondary">
              {n}
            </button>
          ))}
        </div>
        <div class={`field ${error ? "has-error" : ""}`}>
          <label for="f-other">
            {t.other_quantity} ({unitName(need.unit, lang, true)})
          </label>
          <input
            id="f-other"
            name="other"
            inputmode="decimal"
            value={form.values.other ?? ""}
            aria-invalid={error ? "true" : undefined}
          />
        </div>
        <Submit label={t.record} />
      </form>
      <p class="muted">
        {t.on_hand}: {amountText(need.figures.onHand, need.unit, lang)} · {t.still_needed}:{" "}
        {amountText(need.figures.stillNeeded, need.unit, lang)}
      </p>
    </Page>
  );
}

export type QuantityProblemKey =
  | "required"
  | "quantity_not_a_number"
  | "quantity_not_positive"
  | "quantity_fraction"
  | "quantity_too_precise"
  | "quantity_too_large"
  | "more_than_on_hand";
