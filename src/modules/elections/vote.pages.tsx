import type { Child } from "hono/jsx";
import type { Lang } from "../../platform/i18n";
import { PlainList } from "../../platform/ui/lists";
import { PublicLayout } from "../../platform/ui/public-layout";
import { ballotOrder } from "./ballot";
import type { Election, Office } from "./election-record";
import { voteText } from "./vote.messages";

// The ballot: plain HTML forms (no script), one column, big targets, the voter's language.
export type BallotFrame = { lang: Lang; orgName: string; url: string; title: string };

export function VoteFrame(props: BallotFrame & { children?: Child }) {
  return (
    <PublicLayout
      lang={props.lang}
      title={props.title}
      description={props.title}
      orgName={props.orgName}
      url={props.url}
    >
      {props.children}
    </PublicLayout>
  );
}

export type FormChoices = Record<string, string[]>;

export function BallotForm(props: {
  frame: BallotFrame;
  election: Election;
  key: string;
  action: string;
  csrf: string;
  check: string;
  closesAt: string;
  choices: FormChoices;
  errors: Record<string, string>;
}) {
  const { lang } = props.frame;
  const t = voteText[lang];
  const hasErrors = Object.keys(props.errors).length > 0;
  return (
    <VoteFrame {...props.frame}>
      <article class="vote">
        <h1>{props.election.title[lang]}</h1>
        {props.election.description[lang] && <p>{props.election.description[lang]}</p>}
        <p class="pub-muted">{t.closes(props.closesAt)}</p>
        <p>{t.intro}</p>
        {hasErrors && (
          <p class="pub-error" role="alert">
            {t.problem}
          </p>
        )}
        <form method="post" action={props.action} class="vote-form">
          <input type="hidden" name="_csrf" value={props.csrf} />
          <input type="hidden" name="check" value={props.check} />
          <input type="hidden" name="step" value="review" />
          <input type="hidden" name="lang" value={lang} />
          {props.election.offices.map((office) => (
            <OfficeFieldset
              lang={lang}
              office={office}
              order={ballotOrder(office.candidates, `${props.key}:${office.id}`)}
              chosen={props.choices[office.id] ?? []}
              error={props.errors[office.id]}
            />
          ))}
          <p class="pub-muted">{t.order_note}</p>
          <button type="submit" class="pub-button">
            {t.review}
          </button>
        </form>
      </article>
    </VoteFrame>
  );
}

export function OfficeFieldset(props: {
  lang: Lang;
  office: Office;
  order: Office["candidates"];
  chosen: string[];
  error: string | undefined;
}) {
  const t = voteText[props.lang];
  const o = props.office;
  const ranked = o.method === "irv" || o.method === "stv";
  const single = o.method === "plurality" && o.seats === 1;
  const hint = ranked
    ? t.ranked_hint
    : o.method === "approval"
      ? t.approval_hint
      : t.plurality_hint(String(o.seats));
  const errorId = `err-${o.id}`;
  return (
    <fieldset class="vote-office" aria-describedby={props.error ? errorId : undefined}>
      <legend>
        {o.name[props.lang]} <span class="pub-muted">· {t.seats(String(o.seats))}</span>
      </legend>
      <p class="vote-hint">{hint}</p>
      {props.error && (
        <p class="pub-error" id={errorId}>
          {props.error === "duplicate_rank" ? t.duplicate_rank : t.too_many_marks}
        </p>
      )}
      <ul class="vote-list">
        {props.order.map((c) => {
          const id = `c-${o.id}-${c.personId}`;
          const statement = c.statement[props.lang];
          const rank = props.chosen.indexOf(c.personId);
          return (
            <li class="vote-candidate">
              {ranked ? (
                <label for={id} class="vote-rank">
                  <span class="vote-name">{c.name}</span>
                  <select id={id} name={`r.${o.id}.${c.personId}`}>
                    <option value="">{t.no_rank}</option>
                    {o.candidates.map((_, i) => (
                      <option value={String(i + 1)} selected={rank === i}>
                        {t.rank_n(String(i + 1))}
                      </option>
                    ))}
                  </select>
                </label>
              ) : (
                <label for={id} class="vote-mark">
                  <input
                    id={id}
                    type={single ? "radio" : "checkbox"}
                    name={single ? `p.${o.id}` : `m.${o.id}.${c.personId}`}
                    value={single ? c.personId : "on"}
                    checked={rank >= 0}
                  />
                  <span class="vote-name">{c.name}</span>
                </label>
              )}
              {statement && <p class="vote-statement">{statement}</p>}
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}

export function ReviewPage(props: {
  frame: BallotFrame;
  election: Election;
  action: string;
  csrf: string;
  check: string;
  choices: FormChoices;
}) {
  const { lang } = props.frame;
  const t = voteText[lang];
  const ballot = JSON.stringify(props.choices);
  /** The ballot sent again with `step`: "cast" it, or go back to "edit" it. */
  const stepForm = (step: "cast" | "edit", label: string, buttonClass: string) => (
    <form method="post" action={props.action} class="vote-form">
      <input type="hidden" name="_csrf" value={props.csrf} />
      <input type="hidden" name="check" value={props.check} />
      <input type="hidden" name="ballot" value={ballot} />
      <input type="hidden" name="lang" value={lang} />
      <input type="hidden" name="step" value={step} />
      <button type="submit" class={buttonClass}>
        {label}
      </button>
    </form>
  );
  return (
    <VoteFrame {...props.frame}>
      <article class="vote">
        <h1>{t.review_title}</h1>
        <p>{t.review_intro}</p>
        {props.election.offices.map((o) => {
          const names = new Map(o.candidates.map((c) => [c.personId, c.name]));
          const picked = props.choices[o.id] ?? [];
          const ranked = o.method === "irv" || o.method === "stv";
          return (
            <section class="vote-office">
              <h2>{o.name[lang]}</h2>
              <PlainList
                items={picked}
                item={(id) => names.get(id)}
                none={t.blank_office}
                noneClass=""
                numbered={ranked}
              />
            </section>
          );
        })}
        {stepForm("cast", t.confirm, "pub-button")}
        {stepForm("edit", t.change, "pub-button vote-secondary")}
      </article>
    </VoteFrame>
  );
}

export function MessagePage(props: {
  frame: BallotFrame;
  title: string;
  body: string;
  link?: { href: string; label: string };
  receipt?: string;
  note?: string;
}) {
  return (
    <VoteFrame {...props.frame}>
      <article class="vote">
        <h1>{props.title}</h1>
        <p>{props.body}</p>
        {props.receipt && (
          <p class="vote-receipt" data-receipt={props.receipt}>
            <strong>{props.receipt}</strong>
          </p>
        )}
        {props.note && <p class="pub-muted">{props.note}</p>}
        {props.link && (
          <p>
            <a href={props.link.href}>{props.link.label}</a>
          </p>
        )}
      </article>
    </VoteFrame>
  );
}
