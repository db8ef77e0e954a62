import { beforeAll, describe, expect, it } from "vitest";
import { Client } from "../../../test/support/app";
import { addPeople, electionInput } from "../../../test/support/elections";
import { decode } from "../../../test/support/html";
import { STORES } from "../../../test/support/stores";
import { oneOrg } from "../../../test/support/suites";
import { closeElection } from "./close-election";
import { createElection } from "./create-election";
import { issueCredentials } from "./issue-credentials";
import { openElection } from "./open-election";

const hidden = (html: string, name: string) =>
  decode(new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? "");

// The ballot page as a phone without JavaScript uses it: plain forms, one step at a time.
describe.each(STORES)("the ballot page on %s", (store) => {
  const s = oneOrg(store);
  let people: string[];
  let electionId: string;
  let links: string[];
  let officeId: string;

  beforeAll(async () => {
    people = await addPeople(s.t, s.actor.orgId, 4);
    const e = await createElection(
      s.t.deps,
      s.actor,
      electionInput([{ candidates: people.slice(0, 3), method: "irv" }]),
    );
    electionId = e.id;
    officeId = e.offices[0]!.id;
    await openElection(s.t.deps, s.actor, e.id);
    links = (await issueCredentials(s.t.deps, s.actor, e.id)).map((l) => l.path);
  });

  it("shows the ballot, a review step, then a receipt; the link then stops working", async () => {
    const voter = new Client(s.t, { "accept-language": "en" });
    const link = links[0]!;
    const page = await voter.get(`${link}?lang=es`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Su voto es secreto");
    expect(html).not.toContain("<script");
    const check = hidden(html, "check");

    const form = {
      check,
      step: "review",
      lang: "es",
      [`r.${officeId}.${people[1]}`]: "1",
      [`r.${officeId}.${people[0]}`]: "2",
    };
    // Another site can't post it: the check is bound to this link.
    expect((await voter.post(link, { ...form, check: "forged" })).status).toBe(403);
    const dup = await voter.post(link, { ...form, [`r.${officeId}.${people[0]}`]: "1" });
    expect(dup.status).toBe(422);
    expect(await dup.text()).toContain("Usó el mismo número dos veces");

    const review = await voter.post(link, form);
    expect(review.status).toBe(200);
    const reviewHtml = await review.text();
    expect(reviewHtml).toContain("Revise su voto");
    const ballot = hidden(reviewHtml, "ballot");
    expect(JSON.parse(ballot)).toEqual({ [officeId]: [people[1], people[0]] });

    const cast = await voter.post(link, { check, lang: "es", step: "cast", ballot });
    expect(cast.status).toBe(200);
    const receipt = /data-receipt="([^"]+)"/.exec(await cast.text())?.[1];
    expect(receipt).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);

    const again = await voter.post(link, { check, lang: "es", step: "cast", ballot });
    expect(again.status).toBe(409);
    expect((await voter.get(link)).status).toBe(409);

    // A blank ballot is a vote too.
    const other = new Client(s.t);
    const otherHtml = await (await other.get(links[1]!)).text();
    const blank = await other.post(links[1]!, {
      check: hidden(otherHtml, "check"),
      step: "cast",
      ballot: "{}",
    });
    expect(blank.status).toBe(200);

    // Results: public after the close, with the receipt findable, and the CSV.
    expect((await voter.get(`/vote/results/${electionId}`)).status).toBe(409);
    await closeElection(s.t.deps, s.actor, electionId);
    const results = await voter.get(
      `/vote/results/${electionId}?lang=es&receipt=${receipt!.toLowerCase()}`,
    );
    expect(results.status).toBe(200);
    const resultsHtml = await results.text();
    expect(resultsHtml).toContain("Votaron 2 de 4 personas");
    expect(resultsHtml).toContain("Su código está en la lista");
    const csv = await voter.get(`/vote/results/${electionId}/ballots.csv`);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const lines = (await csv.text()).trim().split("\r\n");
    expect(lines).toHaveLength(3);
    expect(lines[0]).not.toContain("receipt");
  });

  it("answers a link that isn't one with a calm 404 page, then rate limits guessing", async () => {
    const guesser = new Client(s.t);
    const res = await guesser.get(`/vote/${"A".repeat(43)}`);
    expect(res.status).toBe(404);
    expect(await res.text()).toContain("no es válido");
    let last = 0;
    for (let i = 0; i < 35; i++) last = (await guesser.get(`/vote/${"B".repeat(40)}${i}`)).status;
    expect(last).toBe(429);
  });
});
