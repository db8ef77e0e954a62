import { eq } from "drizzle-orm";
import { Hono } from "hono";
import { getCookie } from "hono/cookie";
import { anyone } from "../../platform/authorize";
import { clientAddress as clientAddressOf } from "../../platform/client-address";
import { AppError } from "../../platform/errors";
import { readForm } from "../../platform/form-input";
import { type AppContext, type AppEnv, render } from "../../platform/http";
import { formatDateTime, isLang, type Lang } from "../../platform/i18n";
import { LANG_COOKIE } from "../../platform/middleware";
import { organizations } from "../../platform/platform.schema";
import { hit } from "../../platform/rate-limit";
import { castBallot, findVoterLink, type VoterLink } from "./cast-ballot";
import { votingState } from "./election-record";
import { voteText } from "./vote.messages";
import { BallotForm, type BallotFrame, MessagePage, ReviewPage } from "./vote.pages";
import { formToChoices, parseBallotField } from "./vote-form";

// The public ballot at /vote/{token}: no session; the token is the credential. Forms carry
// the platform's CSRF token and an HMAC of the voting token ("check"), so a page on another
// site can't post a ballot. Unknown tokens are rate limited per address (guessing).
export const voteRoutes = new Hono<AppEnv>();

export const BAD_TOKEN_LIMIT = { hits: 30, windowSeconds: 600 };

// The visitor's address, through the trusted-proxy setting (platform/client-address.ts).
const clientAddress = (c: AppContext) => clientAddressOf(c, c.get("config").trustedProxies);

async function orgOf(c: AppContext, orgId: string) {
  const [org] = await c
    .get("deps")
    .db.select({ name: organizations.name, timeZone: organizations.timeZone })
    .from(organizations)
    .where(eq(organizations.id, orgId));
  return org ?? { name: "Amparo", timeZone: "UTC" };
}

/** ?lang wins, then a language the visitor chose before, then the voter's own. */
function voterLang(c: AppContext, fallback: Lang, form?: Record<string, string>): Lang {
  const asked = form?.lang ?? c.req.query("lang");
  if (isLang(asked)) return asked;
  const cookie = getCookie(c, LANG_COOKIE);
  return isLang(cookie) ? cookie : fallback;
}

async function requireLink(c: AppContext, token: string): Promise<VoterLink | null> {
  const link = await findVoterLink(c.get("deps"), token);
  if (link) return link;
  const deps = c.get("deps");
  const key = `vote:${deps.cipher.fingerprint(clientAddress(c), "vote:address")}`;
  const limit = await hit(deps.db, key, BAD_TOKEN_LIMIT.hits, BAD_TOKEN_LIMIT.windowSeconds);
  if (!limit.allowed) throw new AppError("rate_limited", undefined, limit.retryAfterSeconds);
  return null;
}

const check = (c: AppContext, token: string) =>
  c.get("deps").cipher.fingerprint(token, "vote:form");

async function frameFor(
  c: AppContext,
  link: VoterLink,
  lang: Lang,
  token: string,
): Promise<BallotFrame> {
  const org = await orgOf(c, link.election.orgId);
  return { lang, orgName: org.name, url: `/vote/${token}`, title: link.election.title[lang] };
}

async function statusPage(c: AppContext, link: VoterLink, frame: BallotFrame) {
  const t = voteText[frame.lang];
  const org = await orgOf(c, link.election.orgId);
  const results = {
    href: `/vote/results/${link.election.id}?lang=${frame.lang}`,
    label: t.see_results,
  };
  const state = votingState(link.election, new Date());
  const closed = state === "closed" ? { link: results } : {};
  const refuse = (title: string, body: string, more: { link?: typeof results } = {}) =>
    render(c, <MessagePage frame={frame} title={title} body={body} {...more} />, 409);
  if (link.voted) return refuse(t.already_title, t.already_body, closed);
  if (state === "not_open") {
    const when = formatDateTime(link.election.opensAt, frame.lang, org.timeZone);
    return refuse(t.not_open_title, t.not_open_body(when));
  }
  if (state !== "open") return refuse(t.closed_title, t.closed_body, closed);
  return null;
}

async function invalidLink(c: AppContext) {
  const lang = voterLang(c, c.get("lang"));
  const t = voteText[lang];
  const frame = { lang, orgName: "Amparo", url: "/vote", title: t.invalid_title };
  return render(
    c,
    <MessagePage frame={frame} title={t.invalid_title} body={t.invalid_body} />,
    404,
  );
}

voteRoutes.get("/vote/:token{[A-Za-z0-9_-]{20,100}}", anyone, async (c) => {
  const token = c.req.param("token");
  const link = await requireLink(c, token);
  if (!link) return invalidLink(c);
  const lang = voterLang(c, link.language);
  const frame = await frameFor(c, link, lang, token);
  const status = await statusPage(c, link, frame);
  if (status) return status;
  const org = await orgOf(c, link.election.orgId);
  return render(
    c,
    <BallotForm
      frame={frame}
      election={link.election}
      key={link.key}
      action={`/vote/${token}`}
      csrf={c.get("csrf")}
      check={check(c, token)}
      closesAt={formatDateTime(link.election.closesAt, lang, org.timeZone)}
      choices={{}}
      errors={{}}
    />,
  );
});

voteRoutes.post("/vote/:token{[A-Za-z0-9_-]{20,100}}", anyone, async (c) => {
  const token = c.req.param("token");
  const form = await readForm(c);
  const link = await requireLink(c, token);
  if (!link) return invalidLink(c);
  if (form.check !== check(c, token)) throw new AppError("csrf_failed");
  const lang = voterLang(c, link.language, form);
  const frame = await frameFor(c, link, lang, token);
  const status = await statusPage(c, link, frame);
  if (status) return status;
  const org = await orgOf(c, link.election.orgId);
  const common = {
    frame,
    election: link.election,
    action: `/vote/${token}`,
    csrf: c.get("csrf"),
    check: check(c, token),
  };
  const showForm = (choices: Record<string, string[]>, errors: Record<string, string>) =>
    render(
      c,
      <BallotForm
        {...common}
        key={link.key}
        closesAt={formatDateTime(link.election.closesAt, lang, org.timeZone)}
        choices={choices}
        errors={errors}
      />,
      Object.keys(errors).length > 0 ? 422 : 200,
    );

  if (form.step === "edit") return showForm(parseBallotField(form.ballot), {});
  if (form.step === "cast") {
    const t = voteText[lang];
    try {
      const { receipt } = await castBallot(c.get("deps"), token, parseBallotField(form.ballot));
      return render(
        c,
        <MessagePage
          frame={frame}
          title={t.receipt_title}
          body={t.receipt_intro}
          receipt={receipt}
          note={t.receipt_note}
        />,
      );
    } catch (error) {
      if (error instanceof AppError && error.code === "validation_failed") {
        return showForm(
          parseBallotField(form.ballot),
          Object.fromEntries(
            Object.keys(error.fields ?? {}).map((k) => [
              k.replace(/^choices\./, ""),
              "too_many_marks",
            ]),
          ),
        );
      }
      if (error instanceof AppError && error.code === "already_voted") {
        return render(
          c,
          <MessagePage frame={frame} title={t.already_title} body={t.already_body} />,
          409,
        );
      }
      if (
        error instanceof AppError &&
        (error.code === "voting_closed" || error.code === "voting_not_open")
      ) {
        return render(
          c,
          <MessagePage frame={frame} title={t.closed_title} body={t.closed_body} />,
          409,
        );
      }
      throw error;
    }
  }
  const { choices, errors } = formToChoices(link.election, form);
  if (Object.keys(errors).length > 0) return showForm(choices, errors);
  return render(c, <ReviewPage {...common} choices={choices} />);
});

// ---- public results (after the close) ----
import { requireUuidParam } from "../../platform/http";
import { listBallots } from "./ballot-record";
import { getElectionById } from "./election-record";
import { normalizeReceipt } from "./receipt";
import { ballotsCsv } from "./results";
import { ResultsPage } from "./results.page";
import "./elections.errors";

voteRoutes.get("/vote/results/:id", anyone, async (c) => {
  const election = await getElectionById(c.get("deps").db, requireUuidParam(c));
  if (!election) throw new AppError("not_found");
  const lang = voterLang(c, c.get("lang"));
  const t = voteText[lang];
  const org = await orgOf(c, election.orgId);
  const frame = {
    lang,
    orgName: org.name,
    url: `/vote/results/${election.id}`,
    title: t.results_title(election.title[lang]),
  };
  if (election.status !== "closed" || !election.results) {
    return render(c, <MessagePage frame={frame} title={frame.title} body={t.not_closed} />, 409);
  }
  const asked = c.req.query("receipt");
  return render(
    c,
    <ResultsPage
      frame={frame}
      results={election.results}
      csvHref={`/vote/results/${election.id}/ballots.csv?lang=${lang}`}
      receipt={asked ? normalizeReceipt(asked.slice(0, 40)) : null}
    />,
  );
});

voteRoutes.get("/vote/results/:id/ballots.csv", anyone, async (c) => {
  const db = c.get("deps").db;
  const election = await getElectionById(db, requireUuidParam(c));
  if (election?.status !== "closed") throw new AppError("not_found");
  const lang = voterLang(c, c.get("lang"));
  const ballots = await listBallots(db, election.id);
  const offices = election.offices.map((o) => ({
    ...o,
    candidates: o.candidates.map((x) => ({ personId: x.personId, name: x.name })),
  }));
  c.header("content-type", "text/csv; charset=utf-8");
  c.header("content-disposition", `attachment; filename="ballots-${election.id}.csv"`);
  return c.body(ballotsCsv(offices, ballots, lang, election.ballotTracker));
});
