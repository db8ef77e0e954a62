import { describe, expect, it } from "vitest";
import { makePerson } from "../../../test/support/actions";
import { newCallCampaign, newCase } from "../../../test/support/advocacy";
import { publicSite } from "../../../test/support/public";
import { STORES } from "../../../test/support/stores";
import { addTarget } from "../advocacy/add-target";
import { TargetFieldsSchema } from "../advocacy/call-campaign";
import { CaseFieldsSchema } from "../defense/case";
import { createCase } from "../defense/create-case";
import { createFacility } from "../defense/create-facility";
import { FacilityFieldsSchema } from "../defense/facility";
import { updateCase } from "../defense/update-case";

// The public campaign page of a fund linked to a case: the case's public story (never its
// A-number, facility or notes) and its call-in campaigns, refreshed when they change.

describe.each(STORES)("public campaign page, linked case (%s)", (store) => {
  const s = publicSite(store);
  const { text, publicCampaign } = s;

  it("shows a linked public case's story, and never its A-number, facility or notes", async () => {
    const person = await makePerson(s.t.deps, s.org.actor, "Persona Inventada Detenida");
    const facility = await createFacility(
      s.t.deps,
      s.org.actor,
      FacilityFieldsSchema.parse({ name: "Centro Inventado del Norte", phones: ["555-010-3000"] }),
    );
    const fields = (isPublic: boolean) =>
      CaseFieldsSchema.parse({
        personId: person.id,
        facilityId: facility.id,
        status: "detained",
        public: isPublic,
        publicStoryEs: "Lleva tres semanas detenida. Pedimos su libertad.",
        publicStoryEn: "She has been detained for three weeks. We ask for her release.",
        aNumber: "123-456-789",
        notes: "Nota privada inventada",
        lawyerName: "Lic. Privada Inventada",
      });
    const shown = await createCase(s.t.deps, s.org.actor, fields(true));
    const c = await publicCampaign({ caseId: shown.id });
    const es = await text(`/p/${s.org.slug}/c/${c.slug}?lang=es`);
    expect(es).toContain("Sobre el caso");
    expect(es).toContain("Lleva tres semanas detenida.");
    const en = await text(`/p/${s.org.slug}/c/${c.slug}?lang=en`);
    expect(en).toContain("We ask for her release.");
    for (const html of [es, en]) {
      for (const secret of [
        "123456789",
        "123-456-789",
        "Centro Inventado",
        "Nota privada",
        "Lic. Privada",
        "Persona Inventada Detenida",
      ]) {
        expect(html).not.toContain(secret);
      }
    }

    const hiddenCase = await createCase(s.t.deps, s.org.actor, fields(false));
    const c2 = await publicCampaign({ caseId: hiddenCase.id });
    const html = await text(`/p/${s.org.slug}/c/${c2.slug}?lang=es`);
    expect(html).not.toContain("Sobre el caso");
    expect(html).not.toContain("Lleva tres semanas");
  });

  it("refreshes at once when the linked case's public story changes (not 60 s later)", async () => {
    const { kase } = await newCase(s.t, s.org.actor, "Persona Inventada Historia", {
      public: true,
      publicStoryEs: "Primera versión.",
    });
    const c = await publicCampaign({ caseId: kase.id });
    const path = `/p/${s.org.slug}/c/${c.slug}?lang=es`;
    expect(await text(path)).toContain("Primera versión.");
    await updateCase(s.t.deps, s.org.actor, kase.id, {
      publicStoryEs: "Segunda versión, corregida.",
    });
    const fresh = await text(path);
    expect(fresh).toContain("Segunda versión, corregida.");
    expect(fresh).not.toContain("Primera versión.");
    await updateCase(s.t.deps, s.org.actor, kase.id, { public: false });
    expect(await text(path)).not.toContain("Segunda versión");
  });

  it("shows the case's public call-in campaigns, and refreshes when they change", async () => {
    const { kase: linked } = await newCase(s.t, s.org.actor, "Vecino Inventado", {
      status: "detained",
    });
    const call = await newCallCampaign(s.t, s.org.actor, linked.id, {
      titleEs: "Llame al centro inventado",
      titleEn: "Call the invented center",
      askEs: "Pida su liberación.",
      askEn: "Ask for his release.",
      scriptEs: "Hola, llamo por un vecino.",
      scriptEn: "Hello, I am calling about a neighbor.",
      public: true,
    });
    await addTarget(s.t.deps, s.org.actor, call.id, {
      from: "office",
      fields: TargetFieldsSchema.parse({ name: "Oficina Inventada", phones: ["(555) 010-0101"] }),
    });
    const c = await publicCampaign({ caseId: linked.id });
    const path = `/p/${s.org.slug}/c/${c.slug}?lang=es`;
    const html = await text(path);
    expect(html).toContain("Llame al centro inventado");
    expect(html).toContain('href="tel:5550100101"');
    expect(html).toContain(`/p/${s.org.slug}/c/${c.slug}/advocacy/${call.id}?lang=es`);
    expect(html).not.toContain('name="_csrf"');
    // A second office: the advocacy module's change signal drops the stored page.
    await addTarget(s.t.deps, s.org.actor, call.id, {
      from: "office",
      fields: TargetFieldsSchema.parse({ name: "Segunda Oficina", phones: ["(555) 010-0102"] }),
    });
    expect(await text(path)).toContain("Segunda Oficina");
  });
});
