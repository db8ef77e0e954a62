import type { Lang } from "../../platform/i18n";
import { formatNumber } from "../../platform/i18n";
import type { PublishedOffice, PublishedResults } from "./results";
import { voteText } from "./vote.messages";
import { type BallotFrame, VoteFrame } from "./vote.pages";

// Public results after the close: winners, turnout, round-by-round counts, the tie rule's
// decisions with the seed, every receipt, and the anonymized ballots to recount.
export function ResultsPage(props: {
  frame: BallotFrame;
  results: PublishedResults;
  csvHref: string;
  receipt: string | null;
}) {
  const { lang } = props.frame;
  const t = voteText[lang];
  const r = props.results;
  const n = (x: number) => formatNumber(x, lang);
  const found = props.receipt ? r.receipts.includes(props.receipt) : null;
  const tracked =
    props.receipt && r.tracker ? r.tracker.find((b) => b.receipt === props.receipt) : null;
  return (
    <VoteFrame {...props.frame}>
      <article class="vote">
        <h1>{props.frame.title}</h1>
        <p>
          {t.turnout(n(r.turnout.ballots), n(r.turnout.roll_size))}{" "}
          {t.paper_online(n(r.turnout.online), n(r.turnout.paper))}
        </p>
        {r.offices.map((office) => (
          <OfficeResult office={office} lang={lang} />
        ))}
        <section>
          <h2>{t.receipts}</h2>
          <p>{t.receipts_intro}</p>
          <form method="get" class="vote-form">
            <input type="hidden" name="lang" value={lang} />
            <label for="receipt">{t.find_receipt}</label>{" "}
            <input
              id="receipt"
              name="receipt"
              value={props.receipt ?? ""}
              maxlength={40}
              autocomplete="off"
            />{" "}
            <button type="submit" class="pub-button">
              {t.find_receipt}
            </button>
          </form>
          {found !== null && (
            <p role="status" class={found ? "" : "pub-error"}>
              {found ? t.receipt_found : t.receipt_missing}
            </p>
          )}
          {tracked && (
            <div>
              <h3>{t.tracker_choices}</h3>
              {r.offices.map((o) => {
                const names = new Map(o.candidates.map((c) => [c.person_id, c.name]));
                const picked = tracked.choices[o.office_id] ?? [];
                return (
                  <p>
                    {o.name[lang]}:{" "}
                    {picked.length ? picked.map((id) => names.get(id)).join(" > ") : t.blank_office}
                  </p>
                );
              })}
            </div>
          )}
          <p>
            <a href={props.csvHref}>{t.download_csv}</a>
          </p>
          <p class="pub-muted">{t.seed(r.seed)}</p>
          <ul class="vote-receipts">
            {r.receipts.map((code) => (
              <li>{code}</li>
            ))}
          </ul>
        </section>
      </article>
    </VoteFrame>
  );
}

function OfficeResult(props: { office: PublishedOffice; lang: Lang }) {
  const t = voteText[props.lang];
  const o = props.office;
  const names = new Map(o.candidates.map((c) => [c.person_id, c.name]));
  const name = (id: string | undefined) => (id ? (names.get(id) ?? "") : "");
  const num = (x: number) => formatNumber(x, props.lang);
  const showRounds = o.method === "irv" || o.method === "stv";
  return (
    <section class="vote-office">
      <h2>{o.name[props.lang]}</h2>
      <p class="pub-muted">
        {t[`method_${o.method}`]} · {t.seats(String(o.seats))}
        {o.quota !== null && o.method === "stv" ? ` · ${t.quota(num(o.quota))}` : ""}
      </p>
      <h3>{t.winners}</h3>
      {o.winners.length === 0 ? (
        <p>{t.no_winner}</p>
      ) : (
        <ul>
          {o.winners.map((w) => (
            <li>
              <strong>{w.name}</strong>
            </li>
          ))}
        </ul>
      )}
      <p class="pub-muted">{t.blank(num(o.blank))}</p>
      {(showRounds ? o.rounds : o.rounds.slice(0, 1)).map((round) => (
        <div class="vote-scroll">
          <table class="vote-table">
            <caption>
              {showRounds ? `${t.round(String(round.number))}: ` : ""}
              {round.action.kind === "surplus"
                ? t.action_surplus(name(round.action.candidate))
                : round.action.kind === "exclude"
                  ? t.action_exclude(name(round.action.candidate))
                  : round.action.kind === "elect-remaining"
                    ? t.action_elect_remaining
                    : t.action_count}
            </caption>
            <tbody>
              {o.candidates.map((c) => (
                <tr>
                  <th scope="row">
                    {c.name}
                    {round.elected.includes(c.person_id) ? ` — ${t.elected}` : ""}
                  </th>
                  <td class="num">{num(round.totals[c.person_id] ?? 0)}</td>
                </tr>
              ))}
              {showRounds && (
                <tr>
                  <th scope="row">{t.exhausted}</th>
                  <td class="num">{num(round.exhausted)}</td>
                </tr>
              )}
              {o.method === "stv" && round.lost_to_rounding > 0 && (
                <tr>
                  <th scope="row">{t.lost}</th>
                  <td class="num">{num(round.lost_to_rounding)}</td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
      ))}
      {o.ties.length > 0 && (
        <div>
          <h3>{t.ties}</h3>
          <ul>
            {o.ties.map((tie) => (
              <li>
                {tie.by === "lot" ? t.tie_lot(name(tie.chosen)) : t.tie_earlier(name(tie.chosen))}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
