import { beforeAll, describe, expect, it } from "vitest";
import { addPeople } from "../../../test/support/elections";
import { STORES } from "../../../test/support/stores";
import { orgApis } from "../../../test/support/suites";

const VOTERS = 500;

describe.each(STORES)("elections API on %s", (store) => {
  const s = orgApis(store);
  let people: string[];

  beforeAll(async () => {
    people = await addPeople(s.t, s.org.orgId, VOTERS);
  });

  const body = (candidates: string[], extra: Record<string, unknown> = {}) => ({
    title: { es: "Comité 2027", en: "Committee 2027" },
    offices: [
      { name: { es: "Coordinación", en: "Coordinator" }, seats: 1, method: "irv", candidates },
      {
        name: { es: "Comité", en: "Committee" },
        seats: 3,
        method: "stv",
        candidates: candidates.map((id) => ({
          person_id: id,
          statement: { es: "Propongo…", en: "I propose…" },
        })),
      },
    ],
    opens_at: new Date(Date.now() - 60_000).toISOString(),
    closes_at: new Date(Date.now() + 3_600_000).toISOString(),
    ...extra,
  });

  it("refuses bad input with 4xx and field messages, never a 500", async () => {
    const cands = people.slice(0, 3);
    for (const bad of [
      {},
      body(cands, { title: { es: "  ", en: "x" } }),
      body(cands, { title: { es: "x".repeat(10_000), en: "x" } }),
      body(cands, { offices: "no" }),
      body(cands, { closes_at: "yesterday" }),
      body([...cands, cands[0]!]),
      body(["not-a-uuid"]),
    ]) {
      const res = await s.api.post("/api/v1/elections", bad);
      expect(res.status, JSON.stringify(bad).slice(0, 80)).toBe(422);
      expect(res.json.error.fields).toBeTruthy();
    }
    expect((await s.api.post("/api/v1/elections", "{nope")).status).toBe(400);
  });

  it(`casts ${VOTERS} ballots concurrently: turnout = ballots = receipts, each token once`, {
    timeout: 300_000,
  }, async () => {
    const cands = people.slice(0, 12);
    const created = await s.api.post("/api/v1/elections", body(cands));
    expect(created.status).toBe(201);
    const id = created.json.id as string;
    const [coord, committee] = created.json.offices as { id: string }[];
    expect((await s.other.post(`/api/v1/elections/${id}/open`, {})).status).toBe(404);
    const opened = await s.api.post(`/api/v1/elections/${id}/open`, {});
    expect(opened.json).toEqual({ roll_size: VOTERS });
    expect((await s.api.post(`/api/v1/elections/${id}/open`, {})).status).toBe(409);
    expect((await s.api.get(`/api/v1/elections/${id}/results`)).status).toBe(409);

    const issued = await s.api.post(`/api/v1/elections/${id}/credentials`, {});
    expect(issued.status).toBe(200);
    const tokens = (issued.json.credentials as { link: string }[]).map(
      (c) => c.link.split("/vote/")[1]!,
    );
    expect(tokens).toHaveLength(VOTERS);
    expect((await s.api.post(`/api/v1/elections/${id}/credentials`, {})).status).toBe(409);

    const ballot = (i: number) => ({
      [coord!.id]: [cands[i % 12]!, cands[(i + 5) % 12]!],
      [committee!.id]: [cands[(i * 7) % 12]!, cands[(i * 3 + 1) % 12]!].filter(
        (x, k, a) => a.indexOf(x) === k,
      ),
    });
    // Every token at once, and 50 of them twice: exactly one of each pair is stored.
    const attempts = await Promise.all(
      [...tokens, ...tokens.slice(0, 50)].map((token, i) =>
        s.t.app.request("/api/v1/ballots", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ token, choices: ballot(i % VOTERS) }),
        }),
      ),
    );
    const statuses = attempts.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(VOTERS);
    expect(statuses.filter((s) => s === 409)).toHaveLength(50);
    const second = await attempts.find((r) => r.status === 409)!.json();
    expect(second.error.code).toBe("already_voted");

    const detail = await s.api.get(`/api/v1/elections/${id}`);
    expect(detail.json.turnout.voted).toBe(VOTERS);
    const closed = await s.api.post(`/api/v1/elections/${id}/close`, {});
    expect(closed.status).toBe(200);
    const results = (await s.api.get(`/api/v1/elections/${id}/results`)).json;
    expect(results.turnout.ballots).toBe(VOTERS);
    expect(results.receipts).toHaveLength(VOTERS);
    expect(new Set(results.receipts).size).toBe(VOTERS);
    expect(results.offices[1].winners).toHaveLength(3);
    const late = await s.t.app.request("/api/v1/ballots", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ token: tokens[0], choices: {} }),
    });
    expect(late.status).toBe(409);
  });

  it("publishes itself in the OpenAPI document", async () => {
    const doc = (await s.api.get("/api/v1/openapi.json")).json;
    for (const path of [
      "/api/v1/elections",
      "/api/v1/elections/{id}/open",
      "/api/v1/elections/{id}/credentials",
      "/api/v1/elections/{id}/close",
      "/api/v1/elections/{id}/results",
      "/api/v1/ballots",
    ]) {
      expect(doc.paths[path], path).toBeTruthy();
    }
  });
});
