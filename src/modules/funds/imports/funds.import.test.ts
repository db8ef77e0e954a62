import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { newCampaign, sqlBalances, unbalancedGroups } from "../../../../test/support/funds";
import { STORES } from "../../../../test/support/stores";
import { twoOrgs } from "../../../../test/support/suites";
import { AppError } from "../../../platform/errors";
import { getCampaignTotals } from "../campaigns/campaign-totals";
import { gifts } from "../funds.schema";
import { discardGiftImport } from "./discard-gift-import";
import { CsvFileError } from "./gift-csv";
import { computePreview, getGiftImport, mappingDigest } from "./gift-import-record";
import { importGifts } from "./import-gifts";
import { updateGiftImportMapping } from "./update-gift-import-mapping";
import { uploadGiftImport } from "./upload-gift-import";

const TZ = "America/Los_Angeles";
// Transaction ids are unique per organization and source, so each test gets its own.
let batch = 0;
const good = (prefix = `b${++batch}`) =>
  [
    "Donation ID,Donation Date,Donor Name,Donation Amount,Anonymous,Currency,Status",
    `${prefix}-1,2025-03-01,Ana Inventada,25.00,No,USD,Completed`,
    `${prefix}-2,2025-03-02,Beto Prueba,100.00,Yes,USD,Completed`,
    `${prefix}-3,2025-03-03,,10.50,,USD,Completed`,
    `${prefix}-4,2025-03-04,Carla Ficticia,40.00,No,USD,Refunded`,
  ].join("\n");

const bytes = (text: string) => new TextEncoder().encode(text);
const failure = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error("expected a refusal");
    },
    (e: unknown) => {
      if (e instanceof AppError) return e.code;
      if (e instanceof CsvFileError) return e.problem;
      throw e;
    },
  );

describe.each(STORES)("CSV gift imports on %s", (store) => {
  const s = twoOrgs(store);

  const giftCount = async (campaignId: string) =>
    (await s.t.database.db.select().from(gifts).where(eq(gifts.campaignId, campaignId))).length;

  async function upload(campaignId: string, text: string | Uint8Array, who = s.actor) {
    const { id } = await uploadGiftImport(s.t.deps, who, {
      campaignId,
      fileName: "gofundme-donations.csv",
      bytes: typeof text === "string" ? bytes(text) : text,
    });
    const imp = await getGiftImport(s.t.database.db, who.orgId, campaignId, id);
    if (!imp) throw new Error("upload not stored");
    return imp;
  }
  const commit = (
    campaignId: string,
    imp: { id: string; mapping: Parameters<typeof mappingDigest>[0] },
    who = s.actor,
  ) =>
    importGifts(s.t.deps, who, {
      campaignId,
      importId: imp.id,
      mappingDigest: mappingDigest(imp.mapping),
      timeZone: TZ,
    });

  it("previews without writing, then commits every new gift at once", async () => {
    const c = await newCampaign(s.t, s.actor);
    const imp = await upload(c.id, good("gfm"));
    expect(imp).toMatchObject({
      encoding: "utf-8",
      status: "previewed",
      fileName: "gofundme-donations.csv",
    });
    expect(imp.mapping.source).toBe("gofundme");
    const preview = await computePreview(s.t.database.db, s.actor.orgId, imp, c, TZ);
    expect(preview).toMatchObject({ committable: true, recordCents: 13_550, skipped: 1 });
    expect(await giftCount(c.id)).toBe(0);

    expect(await commit(c.id, imp)).toEqual({
      recorded: 3,
      recordedCents: 13_550,
      skipped: 1,
      replayed: false,
    });
    const rows = await s.t.database.db.select().from(gifts).where(eq(gifts.campaignId, c.id));
    expect(
      rows
        .map((g) => [g.externalId, g.amountCents, g.donorName, g.anonymous, g.source, g.method])
        .sort(),
    ).toEqual([
      ["gfm-1", 2500, "Ana Inventada", false, "import:gofundme", "card"],
      ["gfm-2", 10_000, "Beto Prueba", true, "import:gofundme", "card"],
      ["gfm-3", 1050, null, true, "import:gofundme", "card"],
    ]);
    expect((await getCampaignTotals(s.t.database.db, s.actor.orgId, c.id))?.raisedCents).toBe(
      13_550,
    );
    expect(await sqlBalances(s.t, c.id)).toEqual({
      fund: 13_550,
      bonds_receivable: 0,
      outside: -13_550,
    });
    expect(await unbalancedGroups(s.t)).toEqual([]);
    // The raw rows (donor names) are not kept once recorded.
    const after = await getGiftImport(s.t.database.db, s.actor.orgId, c.id, imp.id);
    expect(after).toMatchObject({ status: "committed", rows: [], result: { recorded: 3 } });
    const events = await s.t.database.db.execute<{ action: string }>(
      sql`SELECT action FROM audit_events WHERE org_id = ${s.actor.orgId} AND subject_id = ${imp.id} ORDER BY created_at`,
    );
    expect(events.rows.map((r) => r.action)).toEqual(["gift_import.uploaded", "gifts.imported"]);
  });

  it("adds nothing when the same file is imported again, or the same import committed twice", async () => {
    const c = await newCampaign(s.t, s.actor);
    const file = good();
    const first = await upload(c.id, file);
    await commit(c.id, first);
    expect(await commit(c.id, first)).toMatchObject({ recorded: 3, replayed: true });

    const again = await upload(c.id, file);
    const preview = await computePreview(s.t.database.db, s.actor.orgId, again, c, TZ);
    expect(preview.outcomes.map((o) => (o.status === "skip" ? o.skip.kind : o.status))).toEqual([
      "already_imported",
      "already_imported",
      "already_imported",
      "status",
    ]);
    expect(await commit(c.id, again)).toMatchObject({ recorded: 0, skipped: 4, replayed: false });
    expect(await giftCount(c.id)).toBe(3);
  });

  it("records each gift once when two uploads of one file are committed at the same moment", async () => {
    const c = await newCampaign(s.t, s.actor);
    const file = good();
    const a = await upload(c.id, file);
    const b = await upload(c.id, file);
    const results = await Promise.all([commit(c.id, a), commit(c.id, b), commit(c.id, a)]);
    // Whichever import wins records the three gifts; the other records none; committing
    // `a` a second time answers with `a`'s own result.
    const fresh = results.filter((r) => !r.replayed);
    expect(fresh.map((r) => r.recorded).sort()).toEqual([0, 3]);
    expect(results.filter((r) => r.replayed)).toHaveLength(1);
    expect(await giftCount(c.id)).toBe(3);
  });

  it("re-imports a file without ids without doubling it (hash of line and content)", async () => {
    const c = await newCampaign(s.t, s.actor);
    const text = "Fecha;Monto;Nombre\n01/03/2025;20;Ana\n01/03/2025;20;Ana\n02/03/2025;5;\n";
    await commit(c.id, await upload(c.id, text));
    expect(await giftCount(c.id)).toBe(3);
    expect(await commit(c.id, await upload(c.id, text))).toMatchObject({ recorded: 0, skipped: 3 });
    expect(await giftCount(c.id)).toBe(3);
  });

  it("writes nothing when one line is bad", async () => {
    const c = await newCampaign(s.t, s.actor);
    const imp = await upload(c.id, `${good()}\nx-5,2025-02-30,Dora,5.00,No,USD,Completed`);
    const preview = await computePreview(s.t.database.db, s.actor.orgId, imp, c, TZ);
    expect(preview.committable).toBe(false);
    expect(preview.outcomes.find((o) => o.status === "problem")).toMatchObject({
      line: 6,
      problems: [{ kind: "bad_date", value: "2025-02-30" }],
    });
    expect(await failure(commit(c.id, imp))).toBe("import_has_problems");
    expect(await giftCount(c.id)).toBe(0);
    expect((await getGiftImport(s.t.database.db, s.actor.orgId, c.id, imp.id))?.status).toBe(
      "previewed",
    );
  });

  it("refuses a commit made with a mapping other than the stored one", async () => {
    const c = await newCampaign(s.t, s.actor);
    const imp = await upload(c.id, good());
    const mapping = { ...imp.mapping, columns: { ...imp.mapping.columns, donor_name: null } };
    const change = (m: typeof mapping) =>
      updateGiftImportMapping(s.t.deps, s.actor, {
        campaignId: c.id,
        importId: imp.id,
        mapping: m,
      });
    expect(await failure(change({ ...mapping, columns: { ...mapping.columns, amount: 99 } }))).toBe(
      "validation_failed",
    );
    expect(await failure(change({ ...mapping, source: "Not A Label!" }))).toBe("validation_failed");
    await change(mapping);
    expect(await failure(commit(c.id, imp))).toBe("preview_changed");
    const fresh = await getGiftImport(s.t.database.db, s.actor.orgId, c.id, imp.id);
    if (!fresh) throw new Error("missing");
    await commit(c.id, fresh);
    const names = await s.t.database.db
      .select({ name: gifts.donorName })
      .from(gifts)
      .where(and(eq(gifts.campaignId, c.id)));
    expect(names.every((n) => n.name === null)).toBe(true);
    // Once committed, the mapping can't change any more.
    expect(await failure(change(mapping))).toBe("wrong_status");
  });

  it("reads a Windows-1252 file and says so", async () => {
    const c = await newCampaign(s.t, s.actor);
    const head = bytes("Fecha,Monto,Nombre\n2025-03-01,15,Jos");
    const file = new Uint8Array([...head, 0xe9, ...bytes(" Mu"), 0xf1, ...bytes("oz\n")]);
    const imp = await upload(c.id, file);
    expect(imp.encoding).toBe("windows-1252");
    await commit(c.id, imp);
    const [gift] = await s.t.database.db.select().from(gifts).where(eq(gifts.campaignId, c.id));
    expect(gift?.donorName).toBe("José Muñoz");
  });

  it("refuses files that aren't tables, keeping nothing", async () => {
    const c = await newCampaign(s.t, s.actor);
    expect(await failure(upload(c.id, "Date,Amount\n"))).toBe("no_rows");
    expect(await failure(upload(c.id, new Uint8Array([0x50, 0x4b, 3, 4])))).toBe("excel_file");
  });

  it("keeps another organization's campaigns and imports out of reach", async () => {
    const c = await newCampaign(s.t, s.actor);
    const imp = await upload(c.id, good());
    expect(await failure(upload(c.id, good(), s.other))).toBe("not_found");
    expect(await getGiftImport(s.t.database.db, s.other.orgId, c.id, imp.id)).toBeNull();
    expect(await failure(commit(c.id, imp, s.other))).toBe("not_found");
    expect(
      await failure(discardGiftImport(s.t.deps, s.other, { campaignId: c.id, importId: imp.id })),
    ).toBe("not_found");
    const otherCampaign = await newCampaign(s.t, s.other);
    expect(await failure(commit(otherCampaign.id, imp, s.other))).toBe("not_found");
    expect(await giftCount(c.id)).toBe(0);
    await discardGiftImport(s.t.deps, s.actor, { campaignId: c.id, importId: imp.id });
    expect(await getGiftImport(s.t.database.db, s.actor.orgId, c.id, imp.id)).toBeNull();
  });

  it("commits a large file in one transaction", { timeout: 120_000 }, async () => {
    const c = await newCampaign(s.t, s.actor);
    const lines = ["Transaction ID,Date,Amount"];
    for (let i = 0; i < 2000; i++) lines.push(`big-${i},2025-03-01,${(i % 50) + 1}.00`);
    const imp = await upload(c.id, lines.join("\n"));
    const started = Date.now();
    const result = await commit(c.id, imp);
    const ms = Date.now() - started;
    expect(result.recorded).toBe(2000);
    expect(await giftCount(c.id)).toBe(2000);
    expect(await unbalancedGroups(s.t)).toEqual([]);
    console.log(`[import] 2000 gifts committed on ${store} in ${ms} ms`);
  });
});
