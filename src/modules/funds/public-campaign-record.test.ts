import { describe, expect, it } from "vitest";
import { createOrg } from "../../../test/support/app";
import { give, newCampaign } from "../../../test/support/funds";
import { STORES } from "../../../test/support/stores";
import { freshApp } from "../../../test/support/suites";
import { getPublicCampaignFigures } from "./public-campaign-record";

// What funds publishes to the public campaign page: a public campaign of this organization
// with its totals; nothing for a private campaign or another organization's slug.

describe.each(STORES)("public campaign figures (%s)", (store) => {
  const s = freshApp(store);

  it("reads a public campaign with its totals, and nothing for a private one", async () => {
    const { actor } = await createOrg(s.t);
    const shown = await newCampaign(s.t, actor, { public: true });
    await give(s.t, actor, shown.id, 2_500);
    const hidden = await newCampaign(s.t, actor, { public: false });
    const figures = await getPublicCampaignFigures(
      s.t.database.db,
      actor.orgId,
      shown.slug.toUpperCase(),
    );
    expect(figures?.campaign).toMatchObject({
      id: shown.id,
      slug: shown.slug,
      open: true,
      caseId: null,
    });
    expect(figures?.totals).toMatchObject({ raisedCents: 2_500, availableCents: 2_500, gifts: 1 });
    expect(figures?.spending).toEqual({
      legal_fees: 0,
      bond: 0,
      family_support: 0,
      detention_accounts: 0,
      other: 0,
    });
    expect(await getPublicCampaignFigures(s.t.database.db, actor.orgId, hidden.slug)).toBeNull();
  });

  it("gives nothing for another organization's slug", async () => {
    const { actor } = await createOrg(s.t);
    const other = await createOrg(s.t, "Otro Comité Inventado");
    const shown = await newCampaign(s.t, actor, { public: true });
    expect(
      await getPublicCampaignFigures(s.t.database.db, other.actor.orgId, shown.slug),
    ).toBeNull();
  });
});
