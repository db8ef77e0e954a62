import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { addPeople, electionInput } from "../../../test/support/elections";
import { outcome as code } from "../../../test/support/outcome";
import { STORES } from "../../../test/support/stores";
import { twoOrgs } from "../../../test/support/suites";
import { AppError } from "../../platform/errors";
import { castBallot } from "./cast-ballot";
import { closeElection } from "./close-election";
import { createElection } from "./create-election";
import { getElection, getTurnout } from "./election-record";
import { enterPaperBallot } from "./enter-paper-ballot";
import { issueCredentials } from "./issue-credentials";
import { openElection } from "./open-election";
import { updateElection } from "./update-election";

const token = (path: string) => path.replace("/vote/", "");

describe.each(STORES)("election operations on %s", (store) => {
  const s = twoOrgs(store);
  let people: string[];
  let otherPerson: string | undefined;

  beforeAll(async () => {
    people = await addPeople(s.t, s.actor.orgId, 6, { tags: ["socia"] });
    await addPeople(s.t, s.actor.orgId, 2, { level: "contact", prefix: "Contacto" });
    [otherPerson] = await addPeople(s.t, s.other.orgId, 1);
  });

  it("refuses bad elections with a message per field", async () => {
    const [a, b] = people as [string, string];
    const later = electionInput([{ candidates: [a, b] }]);
    expect(
      await code(createElection(s.t.deps, s.actor, { ...later, closes_at: later.opens_at })),
    ).toBe('{"closes_at":"closes_before_opens"}');
    expect(
      await code(
        createElection(s.t.deps, s.actor, electionInput([{ candidates: [a, b], seats: 2 }])),
      ),
    ).toBe('{"offices.0.seats":"irv_one_seat"}');
    expect(
      await code(createElection(s.t.deps, s.actor, electionInput([{ candidates: [a, a] }]))),
    ).toBe('{"offices.0.candidates":"duplicate_candidate"}');
    expect(
      await code(
        createElection(s.t.deps, s.actor, electionInput([{ candidates: [a, otherPerson!] }])),
      ),
    ).toBe('{"offices.0.candidates":"not_a_person"}');
  });

  it("runs an election from draft to results, keeping the roll and the ballots apart", async () => {
    const [a, b, c] = people as [string, string, string];
    const e = await createElection(
      s.t.deps,
      s.actor,
      electionInput(
        [
          { candidates: [a, b, c], method: "irv" },
          { candidates: [a, b, c], method: "stv", seats: 2 },
        ],
        { eligibility: { engagement_levels: ["active"], tags: ["socia"] } },
      ),
    );
    expect(e.status).toBe("draft");
    expect(
      await code(
        getElection(s.t.deps.db, s.other.orgId, e.id).then(
          (x) => x ?? Promise.reject(new AppError("not_found")),
        ),
      ),
    ).toBe("not_found");
    expect(await code(openElection(s.t.deps, s.other, e.id))).toBe("not_found");

    // Editing is fine in draft, refused once open.
    const edited = await updateElection(
      s.t.deps,
      s.actor,
      e.id,
      electionInput(
        [
          { candidates: [a, b, c], method: "irv" },
          { candidates: [a, b, c], method: "stv", seats: 2 },
        ],
        { eligibility: { engagement_levels: ["active"], tags: ["socia"] } },
      ),
    );
    expect(edited.offices).toHaveLength(2);
    expect(await openElection(s.t.deps, s.actor, e.id)).toEqual({ rollSize: 6 });
    expect(
      await code(updateElection(s.t.deps, s.actor, e.id, electionInput([{ candidates: [a] }]))),
    ).toBe("election_locked");
    expect(await code(openElection(s.t.deps, s.actor, e.id))).toBe("election_locked");
    // Added after the opening: not on the frozen roll.
    await addPeople(s.t, s.actor.orgId, 1, { tags: ["socia"], prefix: "Tarde" });

    const links = await issueCredentials(s.t.deps, s.actor, e.id);
    expect(links).toHaveLength(6);
    expect(await code(issueCredentials(s.t.deps, s.actor, e.id))).toBe("credentials_issued");
    const hashes = await s.t.database.db.execute<{ token_hash: string }>(
      sql`SELECT token_hash FROM election_voters WHERE election_id = ${e.id}`,
    );
    for (const link of links) {
      expect(hashes.rows.map((r) => r.token_hash)).not.toContain(token(link.path));
    }

    const open = (await getElection(s.t.deps.db, s.actor.orgId, e.id))!;
    const [irv, stv] = open.offices as unknown as [{ id: string }, { id: string }];
    const cast = (i: number, choices: Record<string, string[]>) =>
      castBallot(s.t.deps, token(links[i]!.path), choices);

    const first = await cast(0, { [irv.id]: [a, b], [stv.id]: [a, b, c] });
    expect(first.receipt).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(await code(cast(0, { [irv.id]: [b] }))).toBe("already_voted");
    expect(await code(cast(1, { [irv.id]: [a, a] }))).toBe(
      `{"choices.${irv.id}":"duplicate_candidate"}`,
    );
    expect(await code(cast(1, { [irv.id]: [otherPerson!] }))).toBe(
      `{"choices.${irv.id}":"unknown_candidate"}`,
    );
    expect(await code(cast(1, { "not-an-office": [] }))).toBe(
      '{"choices.not-an-office":"unknown_office"}',
    );
    expect(await code(castBallot(s.t.deps, "x".repeat(43), {}))).toBe("not_found");
    await cast(1, {}); // blank ballot: allowed, counted in turnout
    await cast(2, { [irv.id]: [b], [stv.id]: [b, c] });
    await cast(3, { [irv.id]: [a], [stv.id]: [c] });

    // Paper: the organizer enters the ballot of a voter, whose link then stops working.
    const paperVoter = links[4]!.personId;
    expect(
      await code(enterPaperBallot(s.t.deps, s.actor, e.id, paperVoter, { [irv.id]: [a] })),
    ).toBe("ok");
    expect(await code(cast(4, { [irv.id]: [b] }))).toBe("already_voted");
    expect(await code(enterPaperBallot(s.t.deps, s.actor, e.id, paperVoter, {}))).toBe(
      "already_voted",
    );
    expect(await code(enterPaperBallot(s.t.deps, s.actor, e.id, otherPerson!, {}))).toBe(
      '{"person_id":"not_on_roll"}',
    );
    expect(await getTurnout(s.t.deps.db, e.id)).toEqual({
      rollSize: 6,
      online: 4,
      paper: 1,
      notYet: 1,
    });

    // Casting was audited without naming a voter or a ballot.
    const audits = await s.t.database.db.execute<{
      action: string;
      subject_id: string;
      detail: unknown;
    }>(sql`SELECT action, subject_id, detail FROM audit_events WHERE action LIKE 'ballot.%'`);
    expect(audits.rows).toHaveLength(5);
    for (const row of audits.rows) {
      expect(row.subject_id).toBe(e.id);
      expect(row.detail).toEqual({});
    }

    expect(await code(closeElection(s.t.deps, s.other, e.id))).toBe("not_found");
    const results = await closeElection(s.t.deps, s.actor, e.id);
    expect(await code(closeElection(s.t.deps, s.actor, e.id))).toBe("election_not_open");
    expect(await code(cast(5, {}))).toBe("voting_closed");
    expect(results.turnout).toEqual({ roll_size: 6, ballots: 5, online: 4, paper: 1 });
    expect(results.receipts).toHaveLength(5);
    expect(results.receipts).toContain(first.receipt);
    expect(results.tracker).toBeNull();
    // IRV: a 3 (first, fourth, paper), b 1; 4 live ballots -> a has a majority at once.
    expect(results.offices[0]!.winners.map((w) => w.person_id)).toEqual([a]);
    expect(results.offices[0]!.blank).toBe(1);
    expect(results.offices[1]!.blank).toBe(2);
    expect(results.offices[1]!.winners).toHaveLength(2);

    // Ballots carry minutes only, and were all rewritten by the close.
    const rows = await s.t.database.db.execute<{ seconds: number; xmin: string }>(sql`
      SELECT extract(second FROM created_at)::int AS seconds, xmin::text AS xmin
      FROM election_ballots WHERE election_id = ${e.id}`);
    expect(rows.rows.every((r) => Number(r.seconds) === 0)).toBe(true);
    expect(new Set(rows.rows.map((r) => r.xmin)).size).toBe(1);
    const voterRows = await s.t.database.db.execute<{ xmin: string }>(
      sql`SELECT xmin::text AS xmin FROM election_voters WHERE election_id = ${e.id}`,
    );
    expect(voterRows.rows.map((r) => r.xmin)).toEqual(voterRows.rows.map(() => rows.rows[0]!.xmin));
  });

  it("refuses ballots before the opening time", async () => {
    const [a, b] = people as [string, string];
    const future = Date.now() + 3_600_000;
    const e = await createElection(
      s.t.deps,
      s.actor,
      electionInput([{ candidates: [a, b] }], {
        opens_at: new Date(future).toISOString(),
        closes_at: new Date(future + 3_600_000).toISOString(),
      }),
    );
    await openElection(s.t.deps, s.actor, e.id);
    const [link] = await issueCredentials(s.t.deps, s.actor, e.id);
    expect(await code(castBallot(s.t.deps, token(link!.path), {}))).toBe("voting_not_open");
  });
});
