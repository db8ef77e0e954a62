import type { Actor, Deps } from "../../platform/actor";
import { castBallot } from "../elections/cast-ballot";
import { closeElection } from "../elections/close-election";
import { createElection } from "../elections/create-election";
import { ElectionInputSchema } from "../elections/election-input";
import { getElection } from "../elections/election-record";
import { issueCredentials } from "../elections/issue-credentials";
import { openElection } from "../elections/open-election";
import { peopleAt } from "./demo-cast";

// An invented election for the demo, already counted: the group's coordination chosen by
// ranked choice and a two-seat finance committee by single transferable vote, among its
// active and core members. The ballots are invented and cast through the real voting links,
// so the results page shows real rounds and transfers.

/** The same invented voter always ranks the same way: a rotation of the candidates. */
function ranking<T>(candidates: T[], voter: number): T[] {
  // Weighted so the count has a winner after transfers, not in the first round.
  const start = [0, 0, 1, 1, 2, 0, 1, 2, 3, 0][voter % 10] ?? 0;
  const order = [...candidates.slice(start), ...candidates.slice(0, start)];
  return order.slice(0, 1 + (voter % candidates.length));
}

export async function loadDemoElection(deps: Deps, actor: Actor): Promise<{ ballots: number }> {
  const core = await peopleAt(deps, actor, "core", 4);
  const active = await peopleAt(deps, actor, "active", 4);
  const coordination = core.slice(0, 3);
  const finance = [...core.slice(2, 4), ...active.slice(0, 2)];
  if (coordination.length < 3 || finance.length < 4) return { ballots: 0 };
  const now = Date.now();
  const election = await createElection(
    deps,
    actor,
    ElectionInputSchema.parse({
      title: {
        es: "Elección de la coordinación (inventada)",
        en: "Coordination election (invented)",
      },
      description: {
        es: "Cada persona activa elige a quien coordina el grupo este año y al comité de finanzas.",
        en: "Every active member chooses who coordinates the group this year and the finance committee.",
      },
      offices: [
        {
          name: { es: "Coordinación general", en: "General coordinator" },
          seats: 1,
          method: "irv",
          candidates: coordination,
        },
        {
          name: { es: "Comité de finanzas", en: "Finance committee" },
          seats: 2,
          method: "stv",
          candidates: finance,
        },
      ],
      opens_at: new Date(now - 7 * 86_400_000).toISOString(),
      closes_at: new Date(now + 86_400_000).toISOString(),
      eligibility: { engagement_levels: ["active", "core"] },
    }),
  );
  await openElection(deps, actor, election.id);
  const links = await issueCredentials(deps, actor, election.id);
  const opened = await getElection(deps.db, actor.orgId, election.id);
  const [first, second] = opened?.offices ?? [];
  if (!first || !second) return { ballots: 0 };
  // Three in four of the roll vote; the rest don't (turnout is part of the results).
  const voting = links.filter((_, i) => i % 4 !== 3);
  for (const [i, link] of voting.entries()) {
    await castBallot(deps, link.path.replace("/vote/", ""), {
      [first.id]: ranking(coordination, i),
      [second.id]: ranking(finance, i + 3),
    });
  }
  await closeElection(deps, actor, election.id);
  return { ballots: voting.length };
}
