import { Hono } from "hono";
import { z } from "zod";
import { type ApiEnv, readJson, requireToken } from "../../platform/api";
import { AppError } from "../../platform/errors";
import { requireUuidParam } from "../../platform/http";
import type { ApiOperation } from "../../platform/openapi";
import { requirePermission } from "../../platform/permissions";
import { castBallot } from "./cast-ballot";
import { closeElection } from "./close-election";
import { createElection } from "./create-election";
import { ElectionInputSchema } from "./election-input";
import { type Election, getElection, getTurnout, listElections } from "./election-record";
import { issueCredentials } from "./issue-credentials";
import { openElection } from "./open-election";
import { updateElection } from "./update-election";

// JSON API for elections (issue 10's contract). POST /api/v1/ballots is the voter's:
// no bearer token, the voting token in the body is the credential.
export const electionsApi = new Hono<ApiEnv>();
electionsApi.use("/api/v1/elections", requireToken);
electionsApi.use("/api/v1/elections/*", requireToken);

const BallotSchema = z.strictObject({
  token: z.string("required").min(20, "invalid").max(100, "invalid"),
  choices: z
    .record(
      z.string().max(100),
      z.array(z.string("wrong_type").max(100), "wrong_type").max(100),
      "wrong_type",
    )
    .default({}),
});

const ElectionSchema = z.object({
  id: z.uuid(),
  title: z.object({ es: z.string(), en: z.string() }),
  status: z.enum(["draft", "open", "closed"]),
  opens_at: z.iso.datetime(),
  closes_at: z.iso.datetime(),
  roll_size: z.int().nullable(),
  ballot_tracker: z.boolean(),
  offices: z.array(
    z.object({
      id: z.uuid(),
      name: z.object({ es: z.string(), en: z.string() }),
      seats: z.int(),
      method: z.enum(["plurality", "approval", "irv", "stv"]),
      candidates: z.array(z.object({ person_id: z.uuid(), name: z.string() })),
    }),
  ),
});

function toApi(e: Election): z.infer<typeof ElectionSchema> {
  return {
    id: e.id,
    title: e.title,
    status: e.status,
    opens_at: e.opensAt.toISOString(),
    closes_at: e.closesAt.toISOString(),
    roll_size: e.rollSize,
    ballot_tracker: e.ballotTracker,
    offices: e.offices.map((o) => ({
      id: o.id,
      name: o.name,
      seats: o.seats,
      method: o.method,
      candidates: o.candidates.map((c) => ({ person_id: c.personId, name: c.name })),
    })),
  };
}

/** Absolute voting links: AMPARO_PUBLIC_URL when set, else this request's origin. */
function origin(c: { get(k: "config"): { publicUrl: string | undefined }; req: { url: string } }) {
  return (c.get("config").publicUrl ?? new URL(c.req.url).origin).replace(/\/$/, "");
}

electionsApi.get("/api/v1/elections", async (c) => {
  const actor = c.get("actor");
  requirePermission(actor.role, "elections.read");
  const list = await listElections(c.get("deps").db, actor.orgId, c.req.query("q") ?? "");
  return c.json({
    elections: list.map((e) => ({
      id: e.id,
      title: e.title,
      status: e.status,
      opens_at: e.opensAt.toISOString(),
      closes_at: e.closesAt.toISOString(),
      roll_size: e.rollSize,
    })),
  });
});

electionsApi.post("/api/v1/elections", async (c) => {
  const actor = c.get("actor");
  requirePermission(actor.role, "elections.manage");
  const input = await readJson(c, ElectionInputSchema);
  const election = await createElection(c.get("deps"), actor, input);
  return c.json(toApi(election), 201);
});

electionsApi.get("/api/v1/elections/:id", async (c) => {
  const actor = c.get("actor");
  requirePermission(actor.role, "elections.read");
  const e = await getElection(c.get("deps").db, actor.orgId, requireUuidParam(c));
  if (!e) throw new AppError("not_found");
  const turnout = await getTurnout(c.get("deps").db, e.id);
  return c.json({ ...toApi(e), turnout: { voted: turnout.online + turnout.paper, ...turnout } });
});

electionsApi.put("/api/v1/elections/:id", async (c) => {
  const actor = c.get("actor");
  requirePermission(actor.role, "elections.manage");
  const id = requireUuidParam(c);
  const input = await readJson(c, ElectionInputSchema);
  return c.json(toApi(await updateElection(c.get("deps"), actor, id, input)));
});

electionsApi.post("/api/v1/elections/:id/open", async (c) => {
  const actor = c.get("actor");
  requirePermission(actor.role, "elections.manage");
  const { rollSize } = await openElection(c.get("deps"), actor, requireUuidParam(c));
  return c.json({ roll_size: rollSize });
});

electionsApi.post("/api/v1/elections/:id/credentials", async (c) => {
  const actor = c.get("actor");
  requirePermission(actor.role, "elections.credentials");
  const links = await issueCredentials(c.get("deps"), actor, requireUuidParam(c));
  const base = origin(c);
  c.header("cache-control", "no-store");
  return c.json({
    credentials: links.map((l) => ({
      person_id: l.personId,
      name: l.name,
      language: l.language,
      link: `${base}${l.path}`,
    })),
  });
});

electionsApi.post("/api/v1/elections/:id/close", async (c) => {
  const actor = c.get("actor");
  requirePermission(actor.role, "elections.manage");
  return c.json(await closeElection(c.get("deps"), actor, requireUuidParam(c)));
});

electionsApi.get("/api/v1/elections/:id/results", async (c) => {
  const actor = c.get("actor");
  requirePermission(actor.role, "elections.read");
  const e = await getElection(c.get("deps").db, actor.orgId, requireUuidParam(c));
  if (!e) throw new AppError("not_found");
  if (e.status !== "closed" || !e.results) throw new AppError("election_not_open");
  return c.json(e.results);
});

export const ballotsApi = new Hono<ApiEnv>();
ballotsApi.post("/api/v1/ballots", async (c) => {
  const body = await readJson(c, BallotSchema);
  const { receipt } = await castBallot(c.get("deps"), body.token, body.choices);
  return c.json({ receipt }, 201);
});

const idParam = { name: "id", in: "path" as const, schema: z.uuid() };
const ResultsSchema = z
  .record(z.string(), z.unknown())
  .describe(
    "winners per office, rounds, turnout, receipts, seed, tracker (see docs/decisions/060-elections.md)",
  );
export const electionsOpenApi: ApiOperation[] = [
  {
    method: "get",
    path: "/api/v1/elections",
    summary: "List elections",
    tags: ["elections"],
    params: [{ name: "q", in: "query", schema: z.string().max(200) }],
    responses: {
      "200": { description: "Elections", schema: z.object({ elections: z.array(z.unknown()) }) },
    },
  },
  {
    method: "post",
    path: "/api/v1/elections",
    summary: "Create an election (draft): offices, candidates, times, eligibility",
    tags: ["elections"],
    body: ElectionInputSchema,
    responses: { "201": { description: "Created", schema: ElectionSchema } },
  },
  {
    method: "get",
    path: "/api/v1/elections/{id}",
    summary: "An election with its turnout (never choices)",
    tags: ["elections"],
    params: [idParam],
    responses: { "200": { description: "The election", schema: ElectionSchema } },
  },
  {
    method: "put",
    path: "/api/v1/elections/{id}",
    summary: "Replace a draft election; refused (409) once voting has opened",
    tags: ["elections"],
    params: [idParam],
    body: ElectionInputSchema,
    responses: { "200": { description: "Saved", schema: ElectionSchema } },
  },
  {
    method: "post",
    path: "/api/v1/elections/{id}/open",
    summary: "Open voting: freezes the roll",
    tags: ["elections"],
    params: [idParam],
    responses: { "200": { description: "Opened", schema: z.object({ roll_size: z.int() }) } },
  },
  {
    method: "post",
    path: "/api/v1/elections/{id}/credentials",
    summary: "The voters' single-use links, returned once (owner only)",
    tags: ["elections"],
    params: [idParam],
    responses: {
      "200": {
        description: "One link per voter on the roll",
        schema: z.object({
          credentials: z.array(
            z.object({
              person_id: z.uuid(),
              name: z.string(),
              language: z.enum(["es", "en"]),
              link: z.string(),
            }),
          ),
        }),
      },
      "409": { description: "Already issued" },
    },
  },
  {
    method: "post",
    path: "/api/v1/elections/{id}/close",
    summary: "Close voting and count; returns the results",
    tags: ["elections"],
    params: [idParam],
    responses: { "200": { description: "Results", schema: ResultsSchema } },
  },
  {
    method: "get",
    path: "/api/v1/elections/{id}/results",
    summary: "Results after the close: winners, rounds, turnout, receipts",
    tags: ["elections"],
    params: [idParam],
    responses: {
      "200": { description: "Results", schema: ResultsSchema },
      "409": { description: "Not closed yet" },
    },
  },
  {
    method: "post",
    path: "/api/v1/ballots",
    summary: "Cast a ballot with a voting token (no bearer token)",
    tags: ["elections"],
    public: true,
    body: BallotSchema,
    responses: {
      "201": { description: "Stored", schema: z.object({ receipt: z.string() }) },
      "404": { description: "Unknown token" },
      "409": { description: "Token already used, or voting not open / closed" },
      "422": {
        description: "Invalid ballot (candidate of another office, ranked twice, too many marks)",
      },
    },
  },
];
