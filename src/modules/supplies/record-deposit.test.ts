import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { STORES } from "../../../test/support/stores";
import { twoOrgs } from "../../../test/support/suites";
import { AppError } from "../../platform/errors";
import { CampaignFieldsSchema } from "../funds/campaign";
import { createCampaign } from "../funds/campaigns/create-campaign";
import { recordDonation } from "../funds/gifts/record-donation";
import { lastFour, recordDeposit } from "./record-deposit";

// Commissary and phone deposits are money: they go through funds' published operations and
// land on the fund's ledger as a detention_accounts disbursement.

describe.each(STORES)("commissary and phone deposits on %s", (store) => {
  const s = twoOrgs(store);
  let campaignId = "";

  beforeAll(async () => {
    const campaign = await createCampaign(
      s.t.deps,
      s.actor,
      CampaignFieldsSchema.parse({
        slug: "fondo-comisaria",
        title: { es: "Fondo inventado", en: "Invented fund" },
        goalCents: 100_000,
      }),
    );
    campaignId = campaign.id;
    await recordDonation(s.t.deps, s.actor, { campaignId, amountCents: 10_000, method: "cash" });
  });

  const deposit = {
    kind: "commissary" as const,
    amountCents: 4_000,
    facility: "Centro Inventado del Río",
    vendor: "Proveedor Inventado",
    reference: "TX-99812-7741",
    depositedOn: "2026-11-20",
  };

  it("pays it from the fund's ledger and keeps only the last four of the reference", async () => {
    const d = await recordDeposit(s.t.deps, s.actor, { ...deposit, campaignId });
    expect(d.status).toBe("paid");
    const rows = await s.t.database.db.execute<{
      reference_last4: string;
      purpose: string;
      status: string;
    }>(sql`
      SELECT s.reference_last4, d.purpose, d.status FROM supply_deposits s
      JOIN disbursements d ON d.id = s.disbursement_id WHERE s.id = ${d.id}`);
    expect(rows.rows[0]).toEqual({
      reference_last4: "7741",
      purpose: "detention_accounts",
      status: "paid",
    });
    expect(
      JSON.stringify(await s.t.database.db.execute(sql`SELECT * FROM supply_deposits`)),
    ).not.toContain("99812");
  });

  it("leaves it waiting in funds when the fund lacks the money, and refuses bad input and other orgs' funds", async () => {
    const waiting = await recordDeposit(s.t.deps, s.actor, {
      ...deposit,
      amountCents: 50_000,
      campaignId,
    });
    expect(waiting.status).toBe("approved");
    const bad = await recordDeposit(s.t.deps, s.actor, {
      ...deposit,
      facility: " ",
      vendor: "x".repeat(10_000),
      depositedOn: "2026-02-30",
      campaignId,
    }).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(AppError);
    expect((bad as AppError).fields).toEqual({
      facility: "required",
      vendor: "too_long",
      depositedOn: "invalid_date",
    });
    const theirs = await recordDeposit(s.t.deps, s.other, { ...deposit, campaignId }).catch(
      (e: unknown) => e,
    );
    expect((theirs as AppError).fields).toEqual({ campaignId: "invalid_choice" });
    expect(lastFour("  ")).toBeNull();
    expect(lastFour("ab")).toBe("ab");
  });
  it("is one transaction: when the deposit row can't be written, no disbursement or ledger entry is left", async () => {
    const count = async () =>
      (
        await s.t.database.db.execute<{ d: number; g: number; s: number }>(sql`
          SELECT (SELECT count(*)::int FROM disbursements WHERE campaign_id = ${campaignId}) AS d,
            (SELECT count(*)::int FROM ledger_groups WHERE campaign_id = ${campaignId}) AS g,
            (SELECT count(*)::int FROM supply_deposits) AS s`)
      ).rows[0];
    const before = await count();
    const heard: string[] = [];
    const off = s.t.deps.bus.on("funds.campaign_changed", (e) => heard.push(e.campaignId));
    // A failure injected after funds' part: the database refuses the deposit row itself.
    await s.t.database.exec(`
      CREATE FUNCTION refuse_deposit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'injected failure'; END $$;
      CREATE TRIGGER refuse_deposit BEFORE INSERT ON supply_deposits
        FOR EACH ROW EXECUTE FUNCTION refuse_deposit();`);
    try {
      await expect(
        recordDeposit(s.t.deps, s.actor, { ...deposit, amountCents: 1_000, campaignId }),
      ).rejects.toThrow();
    } finally {
      await s.t.database.exec(
        "DROP TRIGGER refuse_deposit ON supply_deposits; DROP FUNCTION refuse_deposit();",
      );
    }
    expect(await count()).toEqual(before);
    // Nothing that was rolled back was announced (the fund's page stays as it was).
    expect(heard).toEqual([]);
    // And the same deposit goes through once the database takes it, announced after commit.
    const d = await recordDeposit(s.t.deps, s.actor, {
      ...deposit,
      amountCents: 1_000,
      campaignId,
    });
    off();
    expect(d.status).toBe("paid");
    const after = await count();
    expect(after).toEqual({
      d: (before?.d ?? 0) + 1,
      g: (before?.g ?? 0) + 1,
      s: (before?.s ?? 0) + 1,
    });
    expect(heard.length).toBeGreaterThan(0);
  });
});
