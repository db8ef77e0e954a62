import { beforeAll, describe, expect, it } from "vitest";
import { createOrg, refusedForm, signedIn } from "../../../test/support/app";
import { addPeople } from "../../../test/support/elections";
import { addMember } from "../../../test/support/members";
import { STORES } from "../../../test/support/stores";
import { orgApp } from "../../../test/support/suites";

describe.each(STORES)("election pages on %s", (store) => {
  const s = orgApp(store);
  let people: string[];

  beforeAll(async () => {
    people = await addPeople(s.t, s.org.actor.orgId, 5);
  });

  const form = (extra: Record<string, string> = {}) => ({
    title_es: "Coordinación 2027",
    title_en: "Coordinator 2027",
    opens_date: "2020-01-01",
    opens_time: "09:00",
    closes_date: "2099-01-01",
    closes_time: "20:00",
    level_active: "on",
    office_name_es: "Coordinación",
    office_name_en: "Coordinator",
    seats: "1",
    method: "irv",
    [`cand_${people[0]}`]: "on",
    [`cand_${people[1]}`]: "on",
    ...extra,
  });

  it("creates, opens, prints links with QR codes once, takes a paper ballot, closes", async () => {
    const client = await signedIn(s.t, s.org.email);
    const empty = await client.get("/elections");
    expect(await empty.text()).toContain("Todavía no hay elecciones");

    const badHtml = await refusedForm(
      client,
      "/elections/new",
      form({ title_es: " ", closes_date: "2019-01-01", seats: "2" }),
    );
    expect(badHtml).toContain('value="Coordinator 2027"');
    expect(badHtml).toContain('id="f-title_es-error"');

    const created = await client.post("/elections/new", form());
    expect(created.status).toBe(303);
    const path = created.headers.get("location")!.split("?")[0]!;
    const page = await (await client.get(path)).text();
    expect(page).toContain("Coordinación 2027");

    // Another organization's owner gets 404.
    const other = await createOrg(s.t, "Otra");
    const stranger = await signedIn(s.t, other.email);
    expect((await stranger.get(path)).status).toBe(404);
    expect((await stranger.post(`${path}/open`, {})).status).toBe(404);
    // A viewer may look, not run it.
    const viewer = await addMember(s.t, s.org.actor, "viewer");
    const viewerClient = await signedIn(s.t, viewer.email);
    expect((await viewerClient.get(path)).status).toBe(200);
    expect((await viewerClient.post(`${path}/open`, {})).status).toBe(403);

    expect(
      (
        await client.post(
          `${path}/offices`,
          form({
            office_name_es: "Comité",
            office_name_en: "Committee",
            seats: "2",
            method: "stv",
          }),
        )
      ).status,
    ).toBe(303);
    expect((await client.post(`${path}/open`, {})).status).toBe(303);
    expect(await (await client.get(`${path}?done=opened`)).text()).toContain("Padrón: 5 personas");
    expect((await client.post(`${path}/offices`, form())).status).toBe(409);

    const links = await client.post(`${path}/credentials`, {});
    expect(links.status).toBe(200);
    const linksHtml = await links.text();
    expect(linksHtml.match(/class="slip-qr"><svg/g)?.length).toBe(5);
    expect(linksHtml.match(/\/vote\/[A-Za-z0-9_-]{43}/g)?.length).toBeGreaterThanOrEqual(5);
    expect((await client.post(`${path}/credentials`, {})).status).toBe(409);

    const election = await (await client.get(path)).text();
    const officeId = /name="r\.([0-9a-f-]{36})\./.exec(election)?.[1];
    expect(officeId).toBeTruthy();
    const paper = await client.post(`${path}/paper`, {
      person_id: people[2]!,
      [`r.${officeId}.${people[0]}`]: "1",
    });
    expect(paper.status).toBe(200);
    expect(await paper.text()).toMatch(/Recibo para la persona: [0-9A-Z]{4}-/);

    expect((await client.post(`${path}/close`, {})).status).toBe(303);
    expect(await (await client.get(`${path}?done=closed`)).text()).toContain("/vote/results/");
  });
});
