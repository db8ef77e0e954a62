// Funds at scale, for bench/funds.bench.ts: one campaign with 100,000 gifts, 500 paid
// disbursements and 50 bonds (some returned, some forfeited), recorded through the app's
// own operations (gifts in bulk through the import writer, as a crowdfunding import
// does), then the p95 of the pages and API answers that show its totals and its ledger.
import { randomUUID } from "node:crypto";
import type { Database } from "../src/db/client";
import { forfeitBond } from "../src/modules/funds/bonds/forfeit-bond";
import { postBond } from "../src/modules/funds/bonds/post-bond";
import { returnBond } from "../src/modules/funds/bonds/return-bond";
import { CampaignFieldsSchema } from "../src/modules/funds/campaign";
import { createCampaign } from "../src/modules/funds/campaigns/create-campaign";
import { approveDisbursement } from "../src/modules/funds/disbursements/approve-disbursement";
import { payDisbursement } from "../src/modules/funds/disbursements/pay-disbursement";
import { requestDisbursement } from "../src/modules/funds/disbursements/request-disbursement";
import { type OutsideGift, writeOutsideGifts } from "../src/modules/funds/gifts/gift-writer";
import type { Actor, Deps } from "../src/platform/actor";
import { cents } from "../src/platform/money";
import { runOperation } from "../src/platform/operation";
import { createSession } from "../src/platform/sessions";
import { log, now, percentile, round, sleep } from "./funds-support";

export const SCALE_GIFTS = Number(process.env.BENCH_GIFTS ?? 100_000);
const PAYMENTS = 500;
const BONDS = 50;
const CHUNK = 5_000;

export type Scaled = { campaignId: string; slug: string; session: string };

async function bulkGifts(deps: Deps, actor: Actor, campaignId: string, from: number, to: number) {
  const day = 86_400_000;
  for (let start = from; start < to; start += CHUNK) {
    const list: OutsideGift[] = [];
    for (let i = start; i < Math.min(to, start + CHUNK); i++) {
      list.push({
        amountCents: cents(500 + (i % 97) * 100),
        // Spread over about a year, so the month figures have months to sum.
        receivedAt: new Date(Date.UTC(2025, 11, 1) + (i % 360) * day + (i % 1000) * 1000),
        donorName: i % 3 === 0 ? null : `Donante Inventado ${i}`,
        anonymous: i % 2 === 0,
        method: "card" as const,
        source: "bench",
        externalId: `bench-${i}`,
        memo: null,
      });
    }
    await runOperation(deps, actor, (op) =>
      writeOutsideGifts(op.tx, actor, { id: campaignId, currency: "USD" }, list),
    );
  }
}

/** The big campaign, recorded through the app's operations. */
export async function seedScale(
  database: Database,
  deps: Deps,
  owner: Actor,
  treasurer: Actor,
): Promise<Scaled> {
  const t0 = now();
  const campaign = await createCampaign(
    deps,
    owner,
    CampaignFieldsSchema.parse({
      slug: "fondo-grande",
      title: { es: "Fondo viral inventado", en: "Invented viral fund" },
      story: { es: "Una historia inventada. ".repeat(20), en: "An invented story. ".repeat(20) },
      goalCents: 500_000_000,
      milestonesCents: [],
      public: true,
    }),
  );
  const first = Math.min(SCALE_GIFTS, 5_000);
  await bulkGifts(deps, owner, campaign.id, 0, first);
  // Payments and bonds while the ledger is young (the old code read it whole for each).
  for (let i = 0; i < PAYMENTS; i++) {
    const d = await requestDisbursement(deps, owner, {
      campaignId: campaign.id,
      amountCents: 1_000 + (i % 50) * 10,
      payee: `Proveedora Inventada ${i % 20}`,
      purpose: i % 3 === 0 ? "legal_fees" : "family_support",
    });
    await approveDisbursement(deps, treasurer, d.id);
    await payDisbursement(deps, treasurer, d.id);
  }
  for (let i = 0; i < BONDS; i++) {
    const b = await postBond(deps, owner, { campaignId: campaign.id, amountCents: 20_000 + i });
    if (i % 3 === 0) await returnBond(deps, owner, b.id, { interestCents: i });
    else if (i % 3 === 1) await forfeitBond(deps, owner, b.id);
  }
  await bulkGifts(deps, owner, campaign.id, first, SCALE_GIFTS);
  await database.exec("ANALYZE");
  if (!owner.userId) throw new Error("the owner has no user id");
  const session = await createSession(deps.db, owner.userId, owner.orgId);
  log(
    `    seeded ${SCALE_GIFTS} gifts, ${PAYMENTS} payments, ${BONDS} bonds in ${round((now() - t0) / 1000, 1)} s`,
  );
  return { campaignId: campaign.id, slug: "fondo-grande", session };
}

async function timed(url: string, headers: Record<string, string>, expect = 200) {
  const t0 = now();
  const res = await fetch(url, { headers });
  await res.arrayBuffer();
  const ms = now() - t0;
  if (res.status !== expect) throw new Error(`${url} answered ${res.status}`);
  return ms;
}

async function p95Of(samples: number, once: (i: number) => Promise<number>) {
  const times: number[] = [];
  for (let i = 0; i < samples; i++) times.push(await once(i));
  return { p95Ms: round(percentile(times, 0.95), 1), p50Ms: round(percentile(times, 0.5), 1) };
}

/** p95 of each page and answer, one request at a time (the cost of one, not throughput). */
export async function benchScale(
  appUrl: string,
  pool: {
    query: (sql: string, params?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;
  },
  orgSlug: string,
  token: string,
  scaled: Scaled,
  samples = 200,
) {
  const { campaignId, session } = scaled;
  const staff = { cookie: `amparo_session=${session}`, "accept-language": "es" };
  const api = { authorization: `Bearer ${token}` };
  const groupIds = (
    await pool.query(
      "SELECT id FROM ledger_groups WHERE campaign_id = $1 ORDER BY created_at, id",
      [campaignId],
    )
  ).rows.map((r) => String(r.id));
  const entries = groupIds.length * 2;
  // Warm up (and let the first checkpoint be built, if the code builds them).
  for (let i = 0; i < 3; i++) await timed(`${appUrl}/funds/${campaignId}`, staff);
  await sleep(8_000);
  for (let i = 0; i < 5; i++) await timed(`${appUrl}/api/v1/campaigns/${campaignId}`, api);

  const campaignPage = await p95Of(samples, () => timed(`${appUrl}/funds/${campaignId}`, staff));
  const apiCampaign = await p95Of(samples, () =>
    timed(`${appUrl}/api/v1/campaigns/${campaignId}`, api),
  );
  const publicPath = `${appUrl}/p/${orgSlug}/c/${scaled.slug}?lang=es`;
  const publicMiss = await p95Of(Math.min(samples, 100), async () => {
    // Another instance's change notice drops the cached page: the next request renders it.
    await pool.query("SELECT pg_notify('amparo_public_pages', $1)", [
      `bench-${randomUUID()} campaign:${campaignId}`,
    ]);
    await sleep(30);
    return timed(publicPath, {});
  });
  const spread = (i: number) =>
    groupIds[Math.floor(((i * 7919) % samples) * (groupIds.length / samples))];
  const ledgerPage = await p95Of(samples, (i) =>
    timed(`${appUrl}/funds/${campaignId}/ledger?before=${spread(i) ?? ""}`, staff),
  );
  const perPage = 100;
  const pages = Math.ceil(entries / perPage);
  // The API's constant-cost path: next_cursor (here, cursors at groups spread over the ledger).
  const ledgerApi = await p95Of(samples, (i) =>
    timed(
      `${appUrl}/api/v1/campaigns/${campaignId}/ledger?per_page=${perPage}&cursor=${encodeURIComponent(`${spread(i) ?? ""}~fund`)}`,
      api,
    ),
  );
  // Page numbers too (they skip through the index up to the page: reported, not the goal's path).
  const ledgerApiPages = await p95Of(Math.min(samples, 60), (i) =>
    timed(
      `${appUrl}/api/v1/campaigns/${campaignId}/ledger?per_page=${perPage}&page=${1 + Math.floor((((i * 7919) % 60) / 60) * pages)}`,
      api,
    ),
  );
  const result = {
    gifts: SCALE_GIFTS,
    payments: PAYMENTS,
    bonds: BONDS,
    ledgerGroups: groupIds.length,
    samples,
    campaignPageP95Ms: campaignPage.p95Ms,
    publicMissP95Ms: publicMiss.p95Ms,
    apiP95Ms: apiCampaign.p95Ms,
    ledgerPageP95Ms: Math.max(ledgerPage.p95Ms, ledgerApi.p95Ms),
    ledgerApiPageNumbersP95Ms: ledgerApiPages.p95Ms,
    detail: { campaignPage, publicMiss, apiCampaign, ledgerPage, ledgerApi, ledgerApiPages },
    goals: { campaignPageP95Ms: 50, publicMissP95Ms: 50, apiP95Ms: 30, ledgerPageP95Ms: 30 },
  };
  log(
    `    staff campaign page p95 ${campaignPage.p95Ms} ms (goal < 50); public page on a miss p95 ${publicMiss.p95Ms} ms (goal < 50)`,
  );
  log(
    `    GET /api/v1/campaigns/{id} p95 ${apiCampaign.p95Ms} ms (goal < 30); ledger page p95 ${ledgerPage.p95Ms} ms, ledger API by cursor p95 ${ledgerApi.p95Ms} ms (goal < 30, pages spread over the whole ledger); by page number p95 ${ledgerApiPages.p95Ms} ms`,
  );
  return result;
}
