import type { Actor, Deps } from "../../platform/actor";
import { postBond } from "../funds/bonds/post-bond";
import { CampaignFieldsSchema } from "../funds/campaign";
import { createCampaign } from "../funds/campaigns/create-campaign";
import { approveDisbursement } from "../funds/disbursements/approve-disbursement";
import { payDisbursement } from "../funds/disbursements/pay-disbursement";
import { requestDisbursement } from "../funds/disbursements/request-disbursement";
import { recordDonation } from "../funds/gifts/record-donation";

// One invented defense fund for the demo: gifts over a few months, a paid filing fee and a
// bond out. No real people, events or amounts from anywhere.
const DAY = 86_400_000;

export async function loadDemoFunds(deps: Deps, actor: Actor): Promise<{ campaignId: string }> {
  const ago = (days: number) => new Date(Date.now() - days * DAY);
  const campaign = await createCampaign(
    deps,
    actor,
    CampaignFieldsSchema.parse({
      slug: "fondo-don-aurelio",
      title: { es: "Fondo de defensa de Don Aurelio", en: "Don Aurelio's defense fund" },
      story: {
        es: "Don Aurelio vende elotes en la esquina del mercado desde hace quince años. Juntamos para su abogada y su fianza. (Historia inventada para la demostración.)",
        en: "Don Aurelio has sold corn at the market corner for fifteen years. We are raising money for his lawyer and his bond. (An invented story for the demo.)",
      },
      goalCents: 1_000_000,
      milestonesCents: [200_000, 500_000],
      public: true,
    }),
  );
  const gifts = [
    {
      amountCents: 25_000,
      method: "cash",
      daysAgo: 75,
      eventNote: "Kermés en el salón parroquial",
    },
    {
      amountCents: 120_000,
      method: "check",
      daysAgo: 60,
      donorName: "Panadería La Espiga (inventada)",
      anonymous: false,
    },
    { amountCents: 8_550, method: "cash", daysAgo: 45, eventNote: "Venta de tamales del sábado" },
    { amountCents: 50_000, method: "transfer", daysAgo: 30 },
    {
      amountCents: 200_000,
      method: "card",
      daysAgo: 12,
      donorName: "Sindicato de Ejemplo Local 000",
      anonymous: false,
    },
    {
      amountCents: 14_000,
      method: "cash",
      daysAgo: 3,
      eventNote: "Colecta después de la asamblea",
    },
  ] as const;
  for (const [i, g] of gifts.entries()) {
    await recordDonation(deps, actor, {
      campaignId: campaign.id,
      amountCents: g.amountCents,
      method: g.method,
      receivedAt: ago(g.daysAgo),
      donorName: "donorName" in g ? g.donorName : null,
      anonymous: "anonymous" in g ? g.anonymous : true,
      eventNote: "eventNote" in g ? g.eventNote : null,
      receivedByUserId: g.method === "cash" ? actor.userId : null,
      source: "demo",
      externalId: `demo-gift-${i + 1}`,
    });
  }
  const fee = await requestDisbursement(deps, actor, {
    campaignId: campaign.id,
    amountCents: 35_000,
    payee: "Despacho Jurídico Ejemplo",
    purpose: "legal_fees",
    memo: "Cuota de presentación",
  });
  await approveDisbursement(deps, actor, fee.id);
  await payDisbursement(deps, actor, fee.id, { paidAt: ago(20) });
  await requestDisbursement(deps, actor, {
    campaignId: campaign.id,
    amountCents: 80_000,
    payee: "Despacho Jurídico Ejemplo",
    purpose: "legal_fees",
    memo: "Audiencia de fianza",
  });
  await postBond(deps, actor, { campaignId: campaign.id, amountCents: 150_000, postedAt: ago(10) });
  return { campaignId: campaign.id };
}
