import type { RouteConfig } from "@hono/zod-openapi";
import { z } from "zod";
import {
  ApiBilingualSchema,
  apiRoute,
  apiRouter,
  jsonBody,
  jsonResponse,
  refused,
  tokenApiRouter,
} from "../../platform/api-router";
import { apiRoutes, foundById, searchParam, withIdAndBody } from "../../platform/api-routes";
import { anyone } from "../../platform/authorize";
import { AppError } from "../../platform/errors";
import { requireUuidParam } from "../../platform/http";
import type { Permission } from "../../platform/permissions";
import { searchQuery } from "../../platform/text";
import { castBallot } from "./cast-ballot";
import { closeElection } from "./close-election";
import { createElection } from "./create-election";
import { ElectionInputSchema } from "./election-input";
import { type Election, getElection, getTurnout, listElections } from "./election-record";
import { issueCredentials } from "./issue-credentials";
import { openElection } from "./open-election";
import { updateElection } from "./update-election";
import "./elections.errors";

// JSON API for elections (issue 10's contract). POST /api/v1/ballots is the voter's:
// no bearer token, the voting token in the body is the credential.
export const electionsApi = tokenApiRouter("/api/v1/elections", "/api/v1/elections/*");
const route = apiRoutes("elections");

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
  title: ApiBilingualSchema,
  status: z.enum(["draft", "open", "closed"]),
  opens_at: z.iso.datetime(),
  closes_at: z.iso.datetime(),
  roll_size: z.int().nullable(),
  ballot_tracker: z.boolean(),
  offices: z.array(
    z.object({
      id: z.uuid(),
      name: ApiBilingualSchema,
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
function origin(publicUrl: string | undefined, url: string) {
  return (publicUrl ?? new URL(url).origin).replace(/\/$/, "");
}

/**
 * A route on one election (`/api/v1/elections/{id}` and its steps): the id in the path,
 * one permission, and the answers beside the standard ones (409: the election's state).
 */
function onElection<const R extends RouteConfig["responses"]>(
  method: "get" | "post",
  step: "" | "/open" | "/credentials" | "/close" | "/results",
  permission: Permission,
  summary: string,
  responses: R,
) {
  return route.onId(method, `/api/v1/elections/{id}${step}`, permission, summary, responses);
}

const ResultsSchema = z
  .record(z.string(), z.unknown())
  .describe(
    "winners per office, rounds, turnout, receipts, seed, tracker (docs/decisions/063-elections.md)",
  );
const ListSchema = z.object({
  elections: z.array(
    z.object({
      id: z.uuid(),
      title: ApiBilingualSchema,
      status: z.enum(["draft", "open", "closed"]),
      opens_at: z.string(),
      closes_at: z.string(),
      roll_size: z.int().nullable(),
    }),
  ),
});
const DetailSchema = ElectionSchema.extend({
  turnout: z.object({
    voted: z.int(),
    rollSize: z.int(),
    online: z.int(),
    paper: z.int(),
    notYet: z.int(),
  }),
});
const CredentialsSchema = z.object({
  credentials: z.array(
    z.object({
      person_id: z.uuid(),
      name: z.string(),
      language: z.enum(["es", "en"]),
      link: z.string(),
    }),
  ),
});

electionsApi.openapi(
  route.get("/api/v1/elections", "elections.read", {
    summary: "List elections",
    request: { query: z.object({ q: searchParam }) },
    responses: { 200: jsonResponse("Elections", ListSchema) },
  }),
  async (c) => {
    const list = await listElections(
      c.var.deps.db,
      c.var.actor.orgId,
      searchQuery(c.req.query("q")),
    );
    return c.json(
      {
        elections: list.map((e) => ({
          id: e.id,
          title: e.title,
          status: e.status,
          opens_at: new Date(e.opensAt).toISOString(),
          closes_at: new Date(e.closesAt).toISOString(),
          roll_size: e.rollSize,
        })),
      },
      200,
    );
  },
);

electionsApi.openapi(
  route.create(
    "/api/v1/elections",
    "elections.manage",
    "Create an election (draft): offices, candidates, times, eligibility",
    ElectionInputSchema,
    ElectionSchema,
  ),
  async (c) => {
    const election = await createElection(c.var.deps, c.var.actor, c.req.valid("json"));
    return c.json(toApi(election), 201);
  },
);

electionsApi.openapi(
  onElection("get", "", "elections.read", "An election with its turnout (never choices)", {
    200: jsonResponse("The election", DetailSchema),
  }),
  async (c) => {
    const e = await foundById(c, getElection);
    const turnout = await getTurnout(c.var.deps.db, e.id);
    return c.json(
      { ...toApi(e), turnout: { voted: turnout.online + turnout.paper, ...turnout } },
      200,
    );
  },
);

electionsApi.openapi(
  route.put("/api/v1/elections/{id}", "elections.manage", {
    summary: "Replace a draft election; refused (409) once voting has opened",
    request: withIdAndBody(ElectionInputSchema),
    responses: {
      200: jsonResponse("Saved", ElectionSchema),
      409: refused("Voting has opened"),
    },
  }),
  async (c) => {
    const e = await updateElection(
      c.var.deps,
      c.var.actor,
      requireUuidParam(c),
      c.req.valid("json"),
    );
    return c.json(toApi(e), 200);
  },
);

electionsApi.openapi(
  onElection(
    "post",
    "/open",
    "elections.manage",
    "Open voting: freezes the roll and returns its size",
    {
      200: jsonResponse("Opened", z.object({ roll_size: z.int() })),
      409: refused("Already opened"),
    },
  ),
  async (c) => {
    const { rollSize } = await openElection(c.var.deps, c.var.actor, requireUuidParam(c));
    return c.json({ roll_size: rollSize }, 200);
  },
);

electionsApi.openapi(
  onElection(
    "post",
    "/credentials",
    "elections.credentials",
    "The voters' single-use links, returned once (owner only)",
    {
      200: jsonResponse("One link per voter on the roll", CredentialsSchema),
      409: refused("Already issued, or voting not open"),
    },
  ),
  async (c) => {
    const links = await issueCredentials(c.var.deps, c.var.actor, requireUuidParam(c));
    const base = origin(c.var.config.publicUrl, c.req.url);
    c.header("cache-control", "no-store");
    return c.json(
      {
        credentials: links.map((l) => ({
          person_id: l.personId,
          name: l.name,
          language: l.language,
          link: `${base}${l.path}`,
        })),
      },
      200,
    );
  },
);

electionsApi.openapi(
  onElection("post", "/close", "elections.manage", "Close voting and count; returns the results", {
    200: jsonResponse("Results", ResultsSchema),
    409: refused("Not open"),
  }),
  async (c) => {
    const results = await closeElection(c.var.deps, c.var.actor, requireUuidParam(c));
    return c.json(results, 200);
  },
);

electionsApi.openapi(
  onElection(
    "get",
    "/results",
    "elections.read",
    "Results after the close: winners per office, rounds, turnout, receipts",
    {
      200: jsonResponse("Results", ResultsSchema),
      409: refused("Not closed yet"),
    },
  ),
  async (c) => {
    const e = await foundById(c, getElection);
    if (e.status !== "closed" || !e.results) throw new AppError("election_not_open");
    return c.json(e.results, 200);
  },
);

export const ballotsApi = apiRouter();
ballotsApi.openapi(
  apiRoute({
    method: "post",
    path: "/api/v1/ballots",
    summary: "Cast a ballot with a voting token (no bearer token)",
    tags: ["elections"],
    public: true,
    middleware: [anyone],
    request: { body: jsonBody(BallotSchema) },
    responses: {
      201: jsonResponse("Stored", z.object({ receipt: z.string() })),
      404: refused("Unknown token"),
      409: refused("Token already used, or voting not open or closed"),
      422: refused("Invalid ballot (another office's candidate, ranked twice, too many marks)"),
    },
  }),
  async (c) => {
    const body = c.req.valid("json");
    const { receipt } = await castBallot(c.var.deps, body.token, body.choices);
    return c.json({ receipt }, 201);
  },
);
