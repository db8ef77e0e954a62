import type { Actor, Deps } from "../../platform/actor";
import { addTarget } from "../advocacy/add-target";
import { CallCampaignFieldsSchema, TargetFieldsSchema } from "../advocacy/call-campaign";
import { countCall } from "../advocacy/count-call";
import { createCallCampaign } from "../advocacy/create-call-campaign";
import { listCases } from "../defense/case-dashboard";
import { searchFacilities } from "../defense/facility-record";

// One invented call-in campaign for the demo, for the invented public case, toward an invented
// facility of the demo directory and an invented official's office. Phone numbers are in the
// 555-01xx range reserved for fiction; the calls are invented too.
const DAY = 86_400_000;
const CALLS_PER_DAY = [0, 2, 5, 3, 0, 8, 12, 6, 4, 9, 3, 1, 7, 4];

export async function loadDemoAdvocacy(deps: Deps, actor: Actor): Promise<{ calls: number }> {
  const [kase] = await listCases(deps.db, actor.orgId, { q: "Lupe", filter: "all", limit: 1 });
  const [facility] = await searchFacilities(deps.db, actor.orgId, "Inventado del Sur", 1);
  if (!kase || !facility) return { calls: 0 };
  const campaign = await createCallCampaign(
    deps,
    actor,
    CallCampaignFieldsSchema.parse({
      caseId: kase.id,
      kind: "call",
      titleEs: "Llame para pedir la libertad de Doña Lupe",
      titleEn: "Call to ask for Doña Lupe's release",
      askEs:
        "Pida que liberen a Doña Lupe bajo palabra mientras sigue su caso: su familia la necesita en casa. (Campaña inventada para la demostración.)",
      askEn:
        "Ask that Doña Lupe be released on parole while her case continues: her family needs her at home. (An invented campaign for the demo.)",
      scriptEs:
        "Buenos días. Llamo para pedir que liberen bajo palabra a Guadalupe, Doña Lupe, que está en su centro. Tiene arraigo en la comunidad y una familia que la espera. Gracias por su tiempo.",
      scriptEn:
        "Good morning. I'm calling to ask that Guadalupe, Doña Lupe, who is held at your facility, be released on parole. She has deep roots in the community and a family waiting for her. Thank you for your time.",
      open: true,
      public: true,
    }),
  );
  await addTarget(deps, actor, campaign.id, { from: "facility", facilityId: facility.id });
  await addTarget(deps, actor, campaign.id, {
    from: "office",
    fields: TargetFieldsSchema.parse({
      name: "Oficina del Representante del Distrito 0 (inventada)",
      phones: ["(555) 010-0160"],
      address: "300 Plaza de Ejemplo, Ciudad Ejemplo",
      hours: "Lunes a viernes, 9:00–17:00",
    }),
  });
  let calls = 0;
  for (const [index, count] of CALLS_PER_DAY.entries()) {
    const at = new Date(Date.now() - (CALLS_PER_DAY.length - 1 - index) * DAY);
    for (let i = 0; i < count; i++) {
      await countCall(deps, {
        orgId: actor.orgId,
        campaignId: campaign.id,
        address: `demo-${index}-${i}`,
        at,
      });
      calls += 1;
    }
  }
  return { calls };
}
