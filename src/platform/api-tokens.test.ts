import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { STORES } from "../../test/support/stores";
import { twoOrgs } from "../../test/support/suites";
import { actorForToken, createApiToken } from "./api-tokens";

// Lookups that arrive together share one statement (decision 108): each request must still
// get the actor of its own token, and nothing for a revoked or unknown one.
describe.each(STORES)("bearer tokens looked up together on %s", (store) => {
  const s = twoOrgs(store);

  it("answers each of many concurrent lookups with its own token's actor", async () => {
    const db = s.t.database.db;
    const mine = await createApiToken(db, s.actor, "mine");
    const theirs = await createApiToken(db, s.other, "theirs");
    const revoked = await createApiToken(db, s.actor, "revoked");
    await db.execute(sql`UPDATE api_tokens SET revoked_at = now() WHERE label = 'revoked'`);
    const tokens = [mine, theirs, revoked, "amp_unknown", "not-a-token"];
    const asked = Array.from({ length: 40 }, (_, i) => tokens[i % tokens.length] as string);
    const actors = await Promise.all(asked.map((token) => actorForToken(db, token)));
    actors.forEach((actor, i) => {
      const token = asked[i];
      if (token === mine) expect(actor).toEqual({ ...s.actor, role: "owner" });
      else if (token === theirs) expect(actor).toEqual({ ...s.other, role: "owner" });
      else expect(actor).toBeNull();
    });
  });
});
