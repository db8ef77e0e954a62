import { readFileSync } from "node:fs";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { newCampaign } from "../../../../test/support/funds";
import { STORES } from "../../../../test/support/stores";
import { oneOrg } from "../../../../test/support/suites";
import { AppError } from "../../../platform/errors";
import { gifts } from "../funds.schema";
import { computePreview, getGiftImport, mappingDigest } from "./gift-import-record";
import { importGifts } from "./import-gifts";
import { updateGiftImportMapping } from "./update-gift-import-mapping";
import { uploadGiftImport } from "./upload-gift-import";

// Real-format exports through upload, preview and commit: idempotent re-import, the mapping
// and platform name remembered per campaign, and the same transaction id under another
// platform name flagged before anything is recorded.
const TZ = "America/Los_Angeles";
const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));

describe.each(STORES)("platform exports imported on %s", (store) => {
  const s = oneOrg(store);

  async function upload(campaignId: string, name: string, fileName = name) {
    const { id } = await uploadGiftImport(s.t.deps, s.actor, {
      campaignId,
      fileName,
      bytes: new Uint8Array(fixture(name)),
    });
    const imp = await getGiftImport(s.t.database.db, s.actor.orgId, campaignId, id);
    if (!imp) throw new Error("upload not stored");
    return imp;
  }
  const commit = (campaignId: string, imp: Awaited<ReturnType<typeof upload>>) =>
    importGifts(s.t.deps, s.actor, {
      campaignId,
      importId: imp.id,
      mappingDigest: mappingDigest(imp.mapping),
      timeZone: TZ,
    });
  const preview = (_campaignId: string, imp: Awaited<ReturnType<typeof upload>>) =>
    computePreview(s.t.database.db, s.actor.orgId, imp, { currency: "USD" }, TZ);
  const kinds = (p: Awaited<ReturnType<typeof preview>>) =>
    p.outcomes.map((o) => (o.status === "skip" ? o.skip.kind : o.status));

  it("imports an ActBlue export once; the same file again adds nothing", async () => {
    const c = await newCampaign(s.t, s.actor);
    const first = await upload(c.id, "actblue-contributions.csv", "contributions.csv");
    expect(await commit(c.id, first)).toMatchObject({ recorded: 4, recordedCents: 6_500 });
    const names = await s.t.database.db
      .select({ name: gifts.donorName, source: gifts.source })
      .from(gifts)
      .where(eq(gifts.campaignId, c.id));
    expect(names.map((n) => n.name).sort()).toEqual([
      "Rosa Inventada",
      "Rosa Inventada",
      "Tomás Ficticio Pérez",
      "Tomás Ficticio Pérez",
    ]);
    expect(new Set(names.map((n) => n.source))).toEqual(new Set(["import:actblue"]));

    const again = await upload(c.id, "actblue-contributions.csv", "contributions.csv");
    const p = await preview(c.id, again);
    expect(kinds(p)).toEqual([
      "already_imported",
      "already_imported",
      "already_imported",
      "already_imported",
      "refunded",
      "repeated_line",
    ]);
    expect(await commit(c.id, again)).toMatchObject({ recorded: 0 });
  });

  it("remembers the mapping and platform name per campaign for a file with the same columns", async () => {
    const c = await newCampaign(s.t, s.actor);
    const first = await upload(c.id, "stripe-payments.csv", "unified_payments.csv");
    const chosen = { ...first.mapping, source: "tarjetas-web", method: "transfer" as const };
    await updateGiftImportMapping(s.t.deps, s.actor, {
      campaignId: c.id,
      importId: first.id,
      mapping: chosen,
    });
    // A method that isn't one is refused here, not by the database at commit (a 500).
    const odd = { ...chosen, method: "online" } as unknown as typeof chosen;
    const refused = await updateGiftImportMapping(s.t.deps, s.actor, {
      campaignId: c.id,
      importId: first.id,
      mapping: odd,
    }).catch((e: unknown) => e);
    expect((refused as AppError).code).toBe("validation_failed");
    const mapped = await getGiftImport(s.t.database.db, s.actor.orgId, c.id, first.id);
    if (!mapped) throw new Error("gone");
    expect(await commit(c.id, mapped)).toMatchObject({ recorded: 2, recordedCents: 5_234 });

    const next = await upload(c.id, "stripe-payments.csv", "export (3).csv");
    expect(next.mapping).toEqual(chosen);
    expect(kinds(await preview(c.id, next)).filter((k) => k === "already_imported")).toHaveLength(
      2,
    );
    // Another campaign has its own memory: a fresh guess there.
    const elsewhere = await newCampaign(s.t, s.actor);
    expect((await upload(elsewhere.id, "stripe-payments.csv", "x.csv")).mapping.source).toBe(
      "stripe",
    );
  });

  it("flags the same transaction id under another platform name before commit", async () => {
    const c = await newCampaign(s.t, s.actor);
    const first = await upload(c.id, "gofundme-donations.csv");
    expect(await commit(c.id, first)).toMatchObject({ recorded: 3 });

    const renamed = await upload(c.id, "gofundme-donations.csv", "donativos-marzo.csv");
    await updateGiftImportMapping(s.t.deps, s.actor, {
      campaignId: c.id,
      importId: renamed.id,
      mapping: { ...renamed.mapping, source: "gfm" },
    });
    const imp = await getGiftImport(s.t.database.db, s.actor.orgId, c.id, renamed.id);
    if (!imp) throw new Error("gone");
    const p = await preview(c.id, imp);
    expect(p.committable).toBe(false);
    expect(p.outcomes.filter((o) => o.status === "problem")).toEqual([
      expect.objectContaining({
        problems: [{ kind: "other_source", value: "gfm-5f1a20", source: "gofundme" }],
      }),
      expect.objectContaining({
        problems: [{ kind: "other_source", value: "gfm-5f1a21", source: "gofundme" }],
      }),
      expect.objectContaining({
        problems: [{ kind: "other_source", value: "gfm-5f1a22", source: "gofundme" }],
      }),
    ]);
    const refused = await commit(c.id, imp).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe("import_has_problems");
    expect(
      (await s.t.database.db.select().from(gifts).where(eq(gifts.campaignId, c.id))).length,
    ).toBe(3);
  });
});
