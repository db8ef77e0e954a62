import { Hono } from "hono";
import QRCode from "qrcode";
import { z } from "zod";
import { allow } from "../../platform/authorize";
import { AppError } from "../../platform/errors";
import { readForm, submitForm } from "../../platform/form-input";
import { type AppContext, type AppEnv, render, requireUuidParam } from "../../platform/http";
import { can } from "../../platform/permissions";
import { searchQuery } from "../../platform/text";
import type { FormState } from "../../platform/ui/forms";
import { doneNotice, pageView } from "../../platform/ui/view";
import { listPeopleToChoose } from "../people/eligible-people";
import { getPersonNames } from "../people/person-names";
import { closeElection } from "./close-election";
import { createElection } from "./create-election";
import { CredentialsPage, ElectionPage } from "./election.page";
import { defaultTimes, electionFromForm, formErrors, withOffice } from "./election-form";
import { ElectionFormPage } from "./election-form.page";
import { ElectionInputSchema } from "./election-input";
import { type Election, getElection, getTurnout, listElections, listRoll } from "./election-record";
import { electionsText } from "./elections.messages";
import { ElectionsListPage } from "./elections-list.page";
import { enterPaperBallot } from "./enter-paper-ballot";
import { issueCredentials } from "./issue-credentials";
import { openElection } from "./open-election";
import { updateElection } from "./update-election";
import { formToChoices } from "./vote-form";
import "./elections.errors";

// Organizer pages: list, create, the election (turnout, open, links, paper, close).
export const electionsRoutes = new Hono<AppEnv>();
const DONE = ["created", "opened", "closed", "office_added"] as const;

async function requireElection(c: AppContext): Promise<Election> {
  const e = await getElection(c.var.deps.db, c.var.signedIn.org.id, requireUuidParam(c));
  if (!e) throw new AppError("not_found");
  return e;
}

electionsRoutes.get("/elections", allow("elections.read"), async (c) => {
  const q = searchQuery(c.req.query("q"));
  const list = await listElections(c.var.deps.db, c.var.signedIn.org.id, q);
  return render(
    c,
    <ElectionsListPage
      {...pageView(c)}
      elections={list}
      q={q}
      canAdd={can(c.var.signedIn.role, "elections.manage")}
    />,
  );
});

electionsRoutes.get("/elections/new", allow("elections.manage"), async (c) => {
  const zone = c.var.signedIn.org.timeZone;
  const people = await listPeopleToChoose(c.var.deps.db, c.var.signedIn.org.id);
  const values = {
    ...defaultTimes(new Date(), zone),
    seats: "1",
    method: "irv",
    level_active: "on",
  };
  return render(
    c,
    <ElectionFormPage {...pageView(c)} form={{ values, errors: {} }} people={people} zone={zone} />,
  );
});

electionsRoutes.post("/elections/new", allow("elections.manage"), async (c) => {
  const values = await readForm(c);
  const zone = c.var.signedIn.org.timeZone;
  const outcome = await submitForm({
    values,
    schema: ElectionInputSchema,
    input: electionFromForm(values, zone),
    run: (input) => createElection(c.var.deps, c.var.actor, input),
    mapErrors: (e) => formErrors(e),
  });
  if (outcome.ok) return c.redirect(`/elections/${outcome.result.id}?done=created`, 303);
  const people = await listPeopleToChoose(c.var.deps.db, c.var.signedIn.org.id);
  return render(
    c,
    <ElectionFormPage {...pageView(c)} form={outcome.form} people={people} zone={zone} />,
    422,
  );
});

async function showElection(
  c: AppContext,
  e: Election,
  extra: { officeForm?: FormState; notice?: string } = {},
  status: 200 | 422 = 200,
) {
  const db = c.var.deps.db;
  const role = c.var.signedIn.role;
  const people =
    e.status === "draft" && can(role, "elections.manage")
      ? await listPeopleToChoose(db, e.orgId)
      : [];
  let notVoted: { id: string; name: string }[] = [];
  if (e.status === "open" && can(role, "elections.paper")) {
    const waiting = (await listRoll(db, e.id))
      .filter((r) => r.voted === null)
      .map((r) => r.personId);
    const names = await getPersonNames(db, e.orgId, waiting);
    notVoted = waiting
      .map((id) => ({ id, name: names.get(id) ?? "" }))
      .sort((a, b) => a.name.localeCompare(b.name, "es"));
  }
  return render(
    c,
    <ElectionPage
      {...pageView(c)}
      election={e}
      turnout={await getTurnout(db, e.id)}
      notice={extra.notice ?? doneNotice(c, electionsText, DONE)}
      canManage={can(role, "elections.manage")}
      canPaper={can(role, "elections.paper")}
      people={people}
      officeForm={extra.officeForm ?? { values: { seats: "1", method: "irv" }, errors: {} }}
      notVoted={notVoted}
    />,
    status,
  );
}

electionsRoutes.get("/elections/:id", allow("elections.read"), async (c) =>
  showElection(c, await requireElection(c)),
);

electionsRoutes.post("/elections/:id/offices", allow("elections.manage"), async (c) => {
  const e = await requireElection(c);
  const values = await readForm(c);
  const index = e.offices.length;
  const outcome = await submitForm({
    values,
    schema: ElectionInputSchema,
    input: withOffice(e, values),
    run: (input) => updateElection(c.var.deps, c.var.actor, e.id, input),
    mapErrors: (errors) => formErrors(errors, index),
  });
  if (outcome.ok) return c.redirect(`/elections/${e.id}?done=office_added`, 303);
  return showElection(c, e, { officeForm: outcome.form }, 422);
});

electionsRoutes.post("/elections/:id/open", allow("elections.manage"), async (c) => {
  const id = requireUuidParam(c);
  await openElection(c.var.deps, c.var.actor, id);
  return c.redirect(`/elections/${id}?done=opened`, 303);
});

electionsRoutes.post("/elections/:id/credentials", allow("elections.credentials"), async (c) => {
  const e = await requireElection(c);
  const links = await issueCredentials(c.var.deps, c.var.actor, e.id);
  const base = (c.var.config.publicUrl ?? new URL(c.req.url).origin).replace(/\/$/, "");
  const slips = await Promise.all(
    links.map(async (l) => {
      const link = `${base}${l.path}`;
      return {
        name: l.name,
        link,
        qr: await QRCode.toString(link, { type: "svg", margin: 1, errorCorrectionLevel: "M" }),
      };
    }),
  );
  c.header("cache-control", "no-store");
  return render(c, <CredentialsPage {...pageView(c)} election={e} slips={slips} />);
});

electionsRoutes.post("/elections/:id/paper", allow("elections.paper"), async (c) => {
  const e = await requireElection(c);
  const values = await readForm(c);
  const { choices, errors } = formToChoices(e, values);
  if (Object.keys(errors).length > 0)
    throw new AppError("validation_failed", { choices: "too_many_marks" });
  const personId = z.uuid().safeParse(values.person_id);
  if (!personId.success) throw new AppError("validation_failed", { person_id: "not_on_roll" });
  const { receipt } = await enterPaperBallot(c.var.deps, c.var.actor, e.id, personId.data, choices);
  const fresh = await requireElection(c);
  return showElection(c, fresh, { notice: electionsText[c.get("lang")].paper_saved(receipt) });
});

electionsRoutes.post("/elections/:id/close", allow("elections.manage"), async (c) => {
  const id = requireUuidParam(c);
  await closeElection(c.var.deps, c.var.actor, id);
  return c.redirect(`/elections/${id}?done=closed`, 303);
});
