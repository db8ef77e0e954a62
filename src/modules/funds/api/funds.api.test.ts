import { beforeAll, describe, expect, it } from "vitest";
import type { apiClient } from "../../../../test/support/api";
import { roleApi } from "../../../../test/support/members";
import { STORES } from "../../../../test/support/stores";
import { orgApis } from "../../../../test/support/suites";

describe.each(STORES)("funds JSON API on %s", (store) => {
  const s = orgApis(store);
  let treasurerApi: ReturnType<typeof apiClient>;
  let viewerApi: ReturnType<typeof apiClient>;
  let slug = 0;

  beforeAll(async () => {
    treasurerApi = await roleApi(s.t, s.org.actor, "organizer", "Tesorera de Prueba");
    viewerApi = await roleApi(s.t, s.org.actor, "viewer", "Observadora");
  });

  async function campaign(extra: Record<string, unknown> = {}) {
    slug += 1;
    const res = await s.api.post("/api/v1/campaigns", {
      slug: `fondo-api-${slug}`,
      title: { es: "Fondo de defensa", en: "Defense fund" },
      story: { es: "Historia inventada.", en: "An invented story." },
      goal_cents: 1_000_000,
      milestones_cents: [100_000],
      ...extra,
    });
    expect(res.status, JSON.stringify(res.json)).toBe(201);
    return res.json.id as string;
  }
  const donate = (id: string, body: Record<string, unknown>, headers?: Record<string, string>) =>
    s.api.post(`/api/v1/campaigns/${id}/donations`, { method: "cash", ...body }, headers);

  it("creates a campaign and returns its totals from the ledger", async () => {
    const id = await campaign({ public: true });
    await donate(id, { amount_cents: 2_000 });
    await donate(id, { amount_cents: 3_000, donor_name: "Vecino Inventado", anonymous: false });
    const res = await s.api.get(`/api/v1/campaigns/${id}`);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      id,
      currency: "USD",
      public: true,
      milestones_cents: [100_000],
    });
    expect(res.json.totals).toEqual({
      raised_cents: 5_000,
      available_cents: 5_000,
      on_bond_cents: 0,
      spent_cents: 0,
      gifts: 2,
    });
    const patched = await s.api.patch(`/api/v1/campaigns/${id}`, { goal_cents: 2_000_000 });
    expect(patched.json).toMatchObject({ goal_cents: 2_000_000, slug: `fondo-api-${slug}` });
    const ledger = await s.api.get(`/api/v1/campaigns/${id}/ledger`);
    expect(ledger.json.total_records).toBe(4);
    expect(ledger.json.entries[0]).toMatchObject({ kind: "donation", reverses_group_id: null });
    const sum = ledger.json.entries.reduce(
      (n: number, e: { amount_cents: number }) => n + e.amount_cents,
      0,
    );
    expect(sum).toBe(0);
  });

  it.each([
    [0, "amount_not_positive"],
    [-5, "amount_not_positive"],
    [10.5, "amount_fractional"],
    ["abc", "amount_not_a_number"],
    ["12", "amount_not_a_number"],
    [1e15, "amount_too_large"],
    [null, "required"],
  ])("refuses amount_cents %j with %s, in both languages", async (amount, code) => {
    const id = await campaign();
    const messages: string[] = [];
    for (const lang of ["es", "en"]) {
      const res = await s.api.post(
        `/api/v1/campaigns/${id}/donations`,
        { amount_cents: amount, method: "cash" },
        { "accept-language": lang },
      );
      expect(res.status).toBe(422);
      expect(res.json.error.fields.amount_cents.code).toBe(code);
      messages.push(res.json.error.fields.amount_cents.message);
    }
    expect(messages[0]).not.toBe(messages[1]);
    expect(messages.every((m) => m.length > 10)).toBe(true);
    expect((await s.api.get(`/api/v1/campaigns/${id}`)).json.totals.gifts).toBe(0);
  });

  it("refuses another currency, bad bodies and unknown fields without saving", async () => {
    const id = await campaign();
    const mxn = await donate(id, { amount_cents: 100, currency: "MXN" });
    expect(mxn.status).toBe(422);
    expect(mxn.json.error.fields.currency.code).toBe("currency_mismatch");
    expect(
      (await donate(id, { amount_cents: 100, colour: "red" })).json.error.fields.colour.code,
    ).toBe("unknown_field");
    expect((await s.api.post(`/api/v1/campaigns/${id}/donations`, "{not json")).status).toBe(400);
    expect((await donate(id, { amount_cents: 100, method: "bitcoin" })).status).toBe(422);
    expect((await donate(id, { amount_cents: 100, received_at: "yesterday" })).status).toBe(422);
    expect((await s.api.get(`/api/v1/campaigns/${id}`)).json.totals.gifts).toBe(0);
  });

  it("answers 20 concurrent donations with one Idempotency-Key with one gift", async () => {
    const id = await campaign();
    const key = `idem-${id}`;
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        donate(id, { amount_cents: 4_200, method: "card" }, { "idempotency-key": key }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([...Array(19).fill(200), 201]);
    expect(new Set(results.map((r) => r.json.id)).size).toBe(1);
    expect(results.filter((r) => r.headers.get("idempotent-replayed") === "true")).toHaveLength(19);
    const totals = (await s.api.get(`/api/v1/campaigns/${id}`)).json.totals;
    expect(totals).toMatchObject({ gifts: 1, raised_cents: 4_200 });
  });

  it("pages the ledger by number and by cursor, the same entries in the same order", async () => {
    const id = await campaign();
    for (let i = 1; i <= 7; i++) await donate(id, { amount_cents: 100 * i });
    const all = (await s.api.get(`/api/v1/campaigns/${id}/ledger?per_page=500`)).json;
    expect(all.total_records).toBe(14);
    const byNumber = [];
    for (let page = 1; page <= 5; page++) {
      const res = await s.api.get(`/api/v1/campaigns/${id}/ledger?per_page=3&page=${page}`);
      byNumber.push(...res.json.entries);
    }
    const byCursor = [];
    let cursor: string | null = "";
    while (cursor !== null) {
      const q: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : "";
      const res = await s.api.get(`/api/v1/campaigns/${id}/ledger?per_page=3${q}`);
      expect(res.status).toBe(200);
      byCursor.push(...res.json.entries);
      cursor = res.json.next_cursor;
    }
    expect(byNumber).toEqual(all.entries);
    expect(byCursor).toEqual(all.entries);
  });

  it("refuses an Idempotency-Key reused with a different body: 422 idempotency_key_reused", async () => {
    const id = await campaign();
    const key = { "idempotency-key": `reuse-${id}` };
    const first = await donate(id, { amount_cents: 2_500, donor_name: "Óscar Inventado" }, key);
    expect(first.status).toBe(201);
    const same = await donate(id, { amount_cents: 2_500, donor_name: "Óscar Inventado" }, key);
    expect(same.status).toBe(200);
    expect(same.json.id).toBe(first.json.id);
    const changed = await donate(id, { amount_cents: 9_900, donor_name: "Óscar Inventado" }, key);
    expect(changed.status).toBe(422);
    expect(changed.json.error.code).toBe("idempotency_key_reused");
    const spanish = await s.api.post(
      `/api/v1/campaigns/${id}/donations`,
      { method: "check", amount_cents: 2_500, donor_name: "Óscar Inventado" },
      { ...key, "accept-language": "es" },
    );
    expect(spanish.status).toBe(422);
    expect(spanish.json.error.code).toBe("idempotency_key_reused");
    const elsewhere = await donate(await campaign(), { amount_cents: 2_500 }, key);
    expect(elsewhere.status).toBe(422);
    expect((await s.api.get(`/api/v1/campaigns/${id}`)).json.totals.gifts).toBe(1);
  });

  it("answers 20 concurrent donations with one source and external_id with one gift", async () => {
    const id = await campaign();
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        donate(id, {
          amount_cents: 999,
          method: "card",
          source: "stripe",
          external_id: `evt-${id}`,
        }),
      ),
    );
    expect(new Set(results.map((r) => r.json.id)).size).toBe(1);
    expect((await s.api.get(`/api/v1/campaigns/${id}`)).json.totals.gifts).toBe(1);
  });

  it("runs a payment through request, approval by someone else, and payment", async () => {
    const id = await campaign();
    await donate(id, { amount_cents: 80_000 });
    const asked = await s.api.post(`/api/v1/campaigns/${id}/disbursements`, {
      amount_cents: 60_000,
      payee: "Despacho Legal Inventado",
      purpose: "legal_fees",
    });
    expect(asked.status).toBe(201);
    const d = asked.json.id;
    const own = await s.api.post(`/api/v1/disbursements/${d}/approve`, undefined, {
      "accept-language": "en",
    });
    expect(own.status).toBe(403);
    expect(own.json.error).toMatchObject({ code: "self_approval" });
    expect(own.json.error.message).toMatch(/someone else/);
    expect((await viewerApi.post(`/api/v1/disbursements/${d}/approve`, {})).status).toBe(403);
    const approved = await treasurerApi.post(`/api/v1/disbursements/${d}/approve`, {});
    expect(approved.json.status).toBe("approved");
    const paid = await s.api.post(`/api/v1/disbursements/${d}/pay`, undefined);
    expect(paid.json).toMatchObject({ status: "paid" });
    expect(paid.json.ledger_group_id).toMatch(/^[0-9a-f-]{36}$/);

    const big = await s.api.post(`/api/v1/campaigns/${id}/disbursements`, {
      amount_cents: 30_000,
      payee: "Otra Abogada",
      purpose: "legal_fees",
    });
    await s.api.post(`/api/v1/disbursements/${big.json.id}/approve`, {});
    const beyond = await s.api.post(
      `/api/v1/disbursements/${big.json.id}/pay`,
      {},
      { "accept-language": "es" },
    );
    expect(beyond.status).toBe(409);
    expect(beyond.json.error.code).toBe("insufficient_funds");
    expect(beyond.json.error.message).toMatch(/No alcanza/);
    expect((await s.api.get(`/api/v1/campaigns/${id}`)).json.totals).toMatchObject({
      available_cents: 20_000,
      spent_cents: 60_000,
    });
  });

  it("posts a bond, returns it once with interest, and refuses the second return", async () => {
    const id = await campaign();
    await donate(id, { amount_cents: 150_000 });
    const bond = await s.api.post(`/api/v1/campaigns/${id}/bonds`, { amount_cents: 150_000 });
    expect(bond.status).toBe(201);
    expect((await s.api.get(`/api/v1/campaigns/${id}`)).json.totals.on_bond_cents).toBe(150_000);
    // Probe fault 9: interest has an upper bound, the principal (a bond earns little).
    const greedy = await s.api.post(`/api/v1/bonds/${bond.json.id}/return`, {
      interest_cents: 150_001,
    });
    expect(greedy.status).toBe(422);
    expect(greedy.json.error.fields.interest_cents.code).toBe("interest_above_principal");
    const back = await s.api.post(`/api/v1/bonds/${bond.json.id}/return`, { interest_cents: 300 });
    expect(back.json).toMatchObject({ status: "returned", interest_cents: 300 });
    const twice = await s.api.post(`/api/v1/bonds/${bond.json.id}/return`, {});
    expect(twice.status).toBe(409);
    expect(twice.json.error.code).toBe("bond_settled");
    expect((await s.api.post(`/api/v1/bonds/${bond.json.id}/forfeit`, {})).status).toBe(409);
    const other = await s.api.post(`/api/v1/campaigns/${id}/bonds`, { amount_cents: 1_000 });
    expect(
      (await s.api.post(`/api/v1/bonds/${other.json.id}/forfeit`, undefined)).json.status,
    ).toBe("forfeited");
    expect((await s.api.get(`/api/v1/campaigns/${id}`)).json.totals).toMatchObject({
      available_cents: 149_300,
      on_bond_cents: 0,
    });
  });

  it("gives 404 for another organization's ids on every route, and 403 to a viewer writing", async () => {
    const id = await campaign();
    await donate(id, { amount_cents: 10_000 });
    const d = (
      await s.api.post(`/api/v1/campaigns/${id}/disbursements`, {
        amount_cents: 1,
        payee: "x",
        purpose: "other",
      })
    ).json.id;
    const b = (await s.api.post(`/api/v1/campaigns/${id}/bonds`, { amount_cents: 1 })).json.id;
    const calls = [
      s.other.get(`/api/v1/campaigns/${id}`),
      s.other.patch(`/api/v1/campaigns/${id}`, { goal_cents: 5 }),
      s.other.get(`/api/v1/campaigns/${id}/ledger`),
      s.other.post(`/api/v1/campaigns/${id}/donations`, { amount_cents: 1, method: "cash" }),
      s.other.post(`/api/v1/campaigns/${id}/disbursements`, {
        amount_cents: 1,
        payee: "x",
        purpose: "other",
      }),
      s.other.post(`/api/v1/campaigns/${id}/bonds`, { amount_cents: 1 }),
      s.other.post(`/api/v1/disbursements/${d}/approve`, {}),
      s.other.post(`/api/v1/disbursements/${d}/pay`, {}),
      s.other.post(`/api/v1/bonds/${b}/return`, {}),
      s.other.post(`/api/v1/bonds/${b}/forfeit`, {}),
      s.api.get("/api/v1/campaigns/not-a-uuid"),
    ];
    for (const res of await Promise.all(calls)) {
      expect(res.status).toBe(404);
      expect(res.json.error.code).toBe("not_found");
    }
    expect((await viewerApi.get(`/api/v1/campaigns/${id}`)).status).toBe(200);
    expect(
      (
        await viewerApi.post(`/api/v1/campaigns/${id}/donations`, {
          amount_cents: 1,
          method: "cash",
        })
      ).status,
    ).toBe(403);
    expect((await s.api.get(`/api/v1/campaigns/${id}`)).json.totals).toMatchObject({
      available_cents: 9_999,
    });
  });
});
