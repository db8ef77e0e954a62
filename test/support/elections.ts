import { sql } from "drizzle-orm";
import type { ElectionInput } from "../../src/modules/elections/election-input";
import { ElectionInputSchema } from "../../src/modules/elections/election-input";
import type { TestApp } from "./app";

/** Invented people for an election test, inserted in bulk; returns their ids in order. */
export async function addPeople(
  t: TestApp,
  orgId: string,
  n: number,
  options: { level?: string; tags?: string[]; prefix?: string } = {},
): Promise<string[]> {
  const prefix = options.prefix ?? "Votante";
  const res = await t.database.db.execute<{ id: string }>(sql`
    INSERT INTO people (org_id, display_name, engagement_level, tags, preferred_language, sort_name, search_text)
    SELECT ${orgId}, ${prefix} || ' ' || lpad(g::text, 4, '0'), ${options.level ?? "active"},
           ${`{${(options.tags ?? []).join(",")}}`}::text[], CASE WHEN g % 3 = 0 THEN 'en' ELSE 'es' END,
           lower(${prefix}) || ' ' || lpad(g::text, 4, '0'), lower(${prefix})
    FROM generate_series(1, ${n}) AS g
    RETURNING id`);
  return res.rows.map((r) => r.id);
}

/** A valid election input (API shape) with one office per entry of `offices`. */
export function electionInput(
  offices: { candidates: string[]; seats?: number; method?: string }[],
  extra: Record<string, unknown> = {},
): ElectionInput {
  const now = Date.now();
  return ElectionInputSchema.parse({
    title: { es: "Elección de la coordinación", en: "Coordinator election" },
    offices: offices.map((o, i) => ({
      name: { es: `Cargo ${i + 1}`, en: `Office ${i + 1}` },
      seats: o.seats ?? 1,
      method: o.method ?? "irv",
      candidates: o.candidates,
    })),
    opens_at: new Date(now - 60_000).toISOString(),
    closes_at: new Date(now + 86_400_000).toISOString(),
    ...extra,
  });
}
