import { beforeAll, describe, expect, it } from "vitest";
import { type Client, createOrg, refusedForm, signedIn } from "../../../../test/support/app";
import { give, newCampaign } from "../../../../test/support/funds";
import { STORES } from "../../../../test/support/stores";
import { teamPages } from "../../../../test/support/suites";
import { common } from "../../../platform/common.messages";
import { postBond } from "../bonds/post-bond";
import { requestDisbursement } from "../disbursements/request-disbursement";
import { getCampaignTotals } from "./campaign-totals";
import { activityText as activity } from "./funds-activity.messages";

const FIELD_TOO_LONG_ES = common.es.field_too_long;
const FIELD_INVALID_CHOICE_ES = common.es.field_invalid_choice;

const idFrom = (location: string | null) =>
  /\/funds\/([0-9a-f-]{36})/.exec(location ?? "")?.[1] ?? "";

describe.each(STORES)("funds pages on %s", (store) => {
  const s = teamPages(store);
  let outsider: Client;
  beforeAll(async () => {
    outsider = await signedIn(s.t, (await createOrg(s.t, "Otra Organización")).email);
  });

  const html = async (res: Response) => ({ status: res.status, body: await res.text() });

  it("saves a campaign titled in one language; the other language shows it marked lang", async () => {
    const form = {
      slug: "",
      goal: "2,000",
      currency: "USD",
      milestones: "",
      open: "on",
      public: "on",
    };
    const titled = (slug: string, title_es: string, title_en: string) => ({
      ...form,
      slug,
      title_es,
      title_en,
    });
    const neither = await refusedForm(s.es, "/funds", titled("sin-titulo", " ", ""));
    expect(neither).toContain(common.es.field_one_language);

    const spanish = await s.es.post("/funds", titled("solo-espanol", "Fondo solo en español", ""));
    expect(spanish.status).toBe(303);
    const id = idFrom(spanish.headers.get("location"));
    const staff = await (await s.en.get(`/funds/${id}`)).text();
    expect(staff).toContain('<span lang="es">Fondo solo en español</span>');
    const list = await (await s.en.get("/funds")).text();
    expect(list).toContain('<span lang="es">Fondo solo en español</span>');

    const english = await s.en.post("/funds", titled("english-only", "", "English-only fund"));
    expect(english.status).toBe(303);
    const orgSlug = /href="\/p\/([^/"]+)\/c\/solo-espanol"/.exec(staff)?.[1] ?? "";
    const pub = await (await s.es.get(`/p/${orgSlug}/c/english-only?lang=es`)).text();
    expect(pub).toContain('<h1 lang="en">English-only fund</h1>');
  });

  it("shows an empty state, then creates a campaign from the form", async () => {
    const fresh = await createOrg(s.t, "Grupo Nuevo");
    const client = await signedIn(s.t, fresh.email, undefined, "es");
    const empty = await html(await client.get("/funds"));
    expect(empty.status).toBe(200);
    expect(empty.body).toContain("Todavía no hay campañas");
    expect(empty.body).toContain('href="/funds/new"');

    const beto = { title_es: "Fondo para Don Beto", currency: "USD", open: "on" };
    const bad = await refusedForm(client, "/funds", {
      ...beto,
      title_en: "",
      slug: "Fondo Beto!",
      goal: "10.555",
      milestones: "5,000; 1,000",
    });
    expect(bad).toContain('value="Fondo para Don Beto"');
    expect(bad).toContain("Usa como máximo dos decimales");
    expect(bad).toContain("Usa solo letras minúsculas");

    const ok = await client.post("/funds", {
      ...beto,
      title_en: "Fund for Don Beto",
      slug: "fondo-beto",
      goal: "10,000",
      milestones: "1,000; 5,000",
    });
    expect(ok.status).toBe(303);
    const page = await html(await client.get(ok.headers.get("location") ?? ""));
    expect(page.body).toContain("Campaña creada.");
    expect(page.body).toContain("$0.00 de $10,000.00");
    expect(page.body).toContain("Siguiente meta intermedia: $1,000.00");
    const list = await html(await client.get("/funds?q=beto"));
    expect(list.body).toContain("Fondo para Don Beto");
    expect((await html(await client.get("/funds?q=zzz"))).body).toContain(
      "Ninguna campaña coincide",
    );
  });

  it("records a cash gift, keeps the form on bad input, and shows the totals", async () => {
    const c = await newCampaign(s.t, s.owner);
    const bad = await refusedForm(s.es, `/funds/${c.id}/gifts`, {
      gift_amount: "-5",
      gift_method: "cash",
      gift_received_on: "2025-02-30",
      gift_event_note: "Kermés",
    });
    expect(bad).toContain("La cantidad tiene que ser mayor que cero.");
    expect(bad).toContain('value="Kermés"');
    expect((await getCampaignTotals(s.t.database.db, s.owner.orgId, c.id))?.gifts).toBe(0);

    const ok = await s.es.post(`/funds/${c.id}/gifts`, {
      gift_amount: "1,250.50",
      gift_method: "cash",
      gift_received_on: "2025-03-15",
      gift_event_note: "Kermés del sábado",
      gift_donor_name: "Vecina Inventada",
    });
    expect(ok.status).toBe(303);
    const page = await html(await s.es.get(`/funds/${c.id}`));
    expect(page.body).toContain("$1,250.50");
    expect(page.body).toContain("Kermés del sábado");
    expect(page.body).toContain("Vecina Inventada (Anónimo)");
    expect(page.body).toContain('role="img"');
    const english = await html(await s.en.get(`/funds/${c.id}`));
    expect(english.body).toContain("Raised");
    expect(english.body).toContain("Month by month");
  });

  it("refuses too-long text and unknown choices with a field error instead of cutting them", async () => {
    const c = await newCampaign(s.t, s.owner);
    const longName = "Nombre Inventado ".repeat(600);
    const gift = await refusedForm(s.es, `/funds/${c.id}/gifts`, {
      gift_amount: "20",
      gift_method: "bitcoin",
      gift_donor_name: longName,
    });
    expect(gift).toContain(FIELD_TOO_LONG_ES);
    expect(gift).toContain(FIELD_INVALID_CHOICE_ES);
    const payment = await refusedForm(s.es, `/funds/${c.id}/disbursements`, {
      pay_amount: "5",
      pay_purpose: "legal_fees",
      pay_payee: "Despacho Inventado",
      pay_memo: "x".repeat(501),
    });
    expect(payment).toContain(FIELD_TOO_LONG_ES);
    const totals = await getCampaignTotals(s.t.database.db, s.owner.orgId, c.id);
    expect(totals?.gifts).toBe(0);
    const page = await html(await s.es.get(`/funds/${c.id}`));
    expect(page.body).not.toContain("Despacho Inventado");
  });

  it("tells a one-person group why a big payment is stuck, and asks before approving or paying", async () => {
    const alone = await createOrg(s.t, "Grupo de Una Persona");
    const client = await signedIn(s.t, alone.email, undefined, "es");
    const c = await newCampaign(s.t, alone.actor);
    await give(s.t, alone.actor, c.id, 200_000);
    const big = await requestDisbursement(s.t.deps, alone.actor, {
      campaignId: c.id,
      amountCents: 60_000,
      purpose: "legal_fees",
      payee: "Despacho Inventado",
    });
    const page = await html(await client.get(`/funds/${c.id}`));
    expect(page.body).toContain(activity.es.alone("$500.00"));
    expect(page.body).toContain('href="/users#invite"');
    const small = await requestDisbursement(s.t.deps, alone.actor, {
      campaignId: c.id,
      amountCents: 10_000,
      purpose: "legal_fees",
      payee: "Abogada Inventada",
    });
    // Approving and paying each ask once, naming the amount and the payee.
    const base = `/funds/${c.id}/disbursements/${small.id}`;
    const approve = await html(await client.get(`${base}/approve`));
    expect(approve.body).toContain(activity.es.approve_body("Abogada Inventada", "$100.00"));
    expect(approve.body).toContain(`action="${base}/approve"`);
    expect((await client.post(`${base}/approve`, {})).status).toBe(303);
    const pay = await html(await client.get(`${base}/pay`));
    expect(pay.body).toContain(activity.es.pay_body("Abogada Inventada", "$100.00"));
    expect((await client.post(`${base}/pay`, {})).status).toBe(303);
    expect(big.status).toBe("requested");
    // The role descriptions say who handles money.
    const users = await html(await client.get("/users"));
    expect(users.body).toContain("aprueba y marca pagos");
    expect(users.body).toContain('id="invite"');
  });

  it("needs a second person above the threshold, and refuses paying beyond the balance", async () => {
    const c = await newCampaign(s.t, s.owner);
    await give(s.t, s.owner, c.id, 70_000);
    const big = await requestDisbursement(s.t.deps, s.owner, {
      campaignId: c.id,
      amountCents: 60_000,
      payee: "Despacho Inventado",
      purpose: "legal_fees",
    });
    const page = await html(await s.es.get(`/funds/${c.id}`));
    expect(page.body).toContain("Lo tiene que aprobar otra persona del equipo.");
    const home = await html(await s.en.get("/"));
    expect(home.body).toContain("Funds to approve or pay");
    expect(home.body).toContain("$600.00 · Despacho Inventado");
    const own = await html(await s.es.post(`/funds/${c.id}/disbursements/${big.id}/approve`, {}));
    expect(own.status).toBe(403);
    expect(own.body).toContain("otra persona del equipo tiene que aprobar");
    expect((await s.en.post(`/funds/${c.id}/disbursements/${big.id}/approve`, {})).status).toBe(
      303,
    );
    expect((await s.en.post(`/funds/${c.id}/disbursements/${big.id}/pay`, {})).status).toBe(303);

    const form = await s.es.post(`/funds/${c.id}/disbursements`, {
      pay_amount: "200",
      pay_payee: "Otra Abogada",
      pay_purpose: "legal_fees",
    });
    expect(form.status).toBe(303);
    const again = await html(await s.es.get(`/funds/${c.id}`));
    const second = /disbursements\/([0-9a-f-]{36})\/approve/.exec(again.body)?.[1] ?? "";
    await s.es.post(`/funds/${c.id}/disbursements/${second}/approve`, {});
    const beyond = await html(await s.es.post(`/funds/${c.id}/disbursements/${second}/pay`, {}));
    expect(beyond.status).toBe(409);
    expect(beyond.body).toContain("No alcanza: solo hay $100.00 disponibles.");
    const confirm = await html(await s.es.get(`/funds/${c.id}/disbursements/${second}/reject`));
    expect(confirm.body).toContain("¿Rechazar este pago?");
    expect((await s.es.post(`/funds/${c.id}/disbursements/${second}/reject`, {})).status).toBe(303);
  });

  it("posts, returns and refuses to return a bond twice; reverses with a confirmation", async () => {
    const c = await newCampaign(s.t, s.owner);
    const gift = await give(s.t, s.owner, c.id, 200_000);
    expect(
      (await s.es.post(`/funds/${c.id}/bonds`, { bond_amount: "1,500", bond_posted_on: "" }))
        .status,
    ).toBe(303);
    const beyond = await html(await s.es.post(`/funds/${c.id}/bonds`, { bond_amount: "999999" }));
    expect(beyond.status).toBe(409);
    const bond = await postBond(s.t.deps, s.owner, { campaignId: c.id, amountCents: 10_000 });
    expect(
      (await s.es.post(`/funds/${c.id}/bonds/${bond.id}/return`, { interest: "12.50" })).status,
    ).toBe(303);
    const twice = await html(
      await s.es.post(`/funds/${c.id}/bonds/${bond.id}/return`, { interest: "0" }),
    );
    expect(twice.status).toBe(409);
    expect(twice.body).toContain("Esta fianza ya se cerró");
    await refusedForm(s.es, `/funds/${c.id}/bonds/${bond.id}/return`, {
      interest: "abc",
    });

    const ask = await html(await s.es.get(`/funds/${c.id}/ledger/${gift.groupId}/reverse`));
    expect(ask.body).toContain("¿Revertir este movimiento?");
    const spent = await html(
      await s.es.post(`/funds/${c.id}/ledger/${gift.groupId}/reverse`, { memo: "Error" }),
    );
    expect(spent.status).toBe(409);
    expect(spent.body).toContain("No alcanza");
    const small = await give(s.t, s.owner, c.id, 500);
    expect(
      (await s.es.post(`/funds/${c.id}/ledger/${small.groupId}/reverse`, { memo: "Doble" })).status,
    ).toBe(303);
    const doubled = await html(
      await s.es.post(`/funds/${c.id}/ledger/${small.groupId}/reverse`, {}),
    );
    expect(doubled.status).toBe(409);
    expect(doubled.body).toContain("ya se corrigió");
  });

  it("exports the ledger as real CSV with a byte order mark", async () => {
    const c = await newCampaign(s.t, s.owner);
    await give(s.t, s.owner, c.id, 1_050);
    await postBond(s.t.deps, s.owner, {
      campaignId: c.id,
      amountCents: 50,
      memo: 'Recibo 7, ventanilla "B"',
    });
    const res = await s.en.get(`/funds/${c.id}/ledger.csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toContain(`${c.slug}-ledger.csv`);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const lines = text.split("\r\n");
    expect(lines[0]).toBe("Date,Movement,Kind,Reverses,Account,Amount,Currency,Note,Recorded by");
    expect(
      lines
        .filter((l) => l.includes(",Gift,"))
        .map((l) => l.split(",")[5])
        .sort(),
    ).toEqual(["-10.50", "10.50"]);
    expect(text).toContain('"Recibo 7, ventanilla ""B"""');
  });

  it("lets a viewer read but not move money, and gives 404 across organizations", async () => {
    const c = await newCampaign(s.t, s.owner);
    const gift = await give(s.t, s.owner, c.id, 10_000);
    const d = await requestDisbursement(s.t.deps, s.owner, {
      campaignId: c.id,
      amountCents: 100,
      payee: "x",
      purpose: "other",
    });
    const bond = await postBond(s.t.deps, s.owner, { campaignId: c.id, amountCents: 100 });
    expect((await s.viewer.get(`/funds/${c.id}`)).status).toBe(200);
    expect(
      (await s.viewer.post(`/funds/${c.id}/gifts`, { gift_amount: "5", gift_method: "cash" }))
        .status,
    ).toBe(403);
    expect((await s.viewer.get("/funds/new")).status).toBe(403);
    const gets = [
      `/funds/${c.id}`,
      `/funds/${c.id}/edit`,
      `/funds/${c.id}/ledger.csv`,
      `/funds/${c.id}/disbursements/${d.id}/reject`,
      `/funds/${c.id}/bonds/${bond.id}/forfeit`,
      `/funds/${c.id}/ledger/${gift.groupId}/reverse`,
      "/funds/not-a-uuid",
    ];
    for (const path of gets) expect((await outsider.get(path)).status, path).toBe(404);
    const posts = [
      `/funds/${c.id}`,
      `/funds/${c.id}/gifts`,
      `/funds/${c.id}/disbursements`,
      `/funds/${c.id}/disbursements/${d.id}/approve`,
      `/funds/${c.id}/disbursements/${d.id}/pay`,
      `/funds/${c.id}/disbursements/${d.id}/reject`,
      `/funds/${c.id}/bonds`,
      `/funds/${c.id}/bonds/${bond.id}/return`,
      `/funds/${c.id}/bonds/${bond.id}/forfeit`,
      `/funds/${c.id}/ledger/${gift.groupId}/reverse`,
    ];
    for (const path of posts)
      expect((await outsider.post(path, { gift_amount: "1" })).status, path).toBe(404);
    // A payment of one campaign can't be reached through another of the same org.
    const mine = await newCampaign(s.t, s.owner);
    expect((await s.es.post(`/funds/${mine.id}/disbursements/${d.id}/approve`, {})).status).toBe(
      404,
    );
    expect((await getCampaignTotals(s.t.database.db, s.owner.orgId, c.id))?.availableCents).toBe(
      9_900,
    );
    expect(idFrom(`/funds/${c.id}`)).toBe(c.id);
  });
});
