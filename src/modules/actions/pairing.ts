// Automatic pairing: each newcomer who is coming stands next to an organizer, spread
// evenly. Pure. Existing pairs are kept; only unpaired newcomers are placed, each with
// the organizer who has the fewest newcomers so far (ties: the order given).

export type Pair = { organizerPersonId: string; newcomerPersonId: string };

export function suggestPairs(
  organizers: readonly string[],
  newcomers: readonly string[],
  existing: readonly Pair[] = [],
): Pair[] {
  const uniqueOrganizers = [...new Set(organizers)];
  const organizerSet = new Set(uniqueOrganizers);
  if (uniqueOrganizers.length === 0) return [];
  const load = new Map<string, number>(uniqueOrganizers.map((o) => [o, 0]));
  const paired = new Set<string>();
  for (const p of existing) {
    paired.add(p.newcomerPersonId);
    const current = load.get(p.organizerPersonId);
    if (current !== undefined) load.set(p.organizerPersonId, current + 1);
  }
  const suggested: Pair[] = [];
  for (const newcomer of new Set(newcomers)) {
    if (paired.has(newcomer) || organizerSet.has(newcomer)) continue;
    let best = uniqueOrganizers[0] as string;
    let bestLoad = load.get(best) ?? 0;
    for (const o of uniqueOrganizers) {
      const l = load.get(o) ?? 0;
      if (l < bestLoad) {
        best = o;
        bestLoad = l;
      }
    }
    load.set(best, bestLoad + 1);
    paired.add(newcomer);
    suggested.push({ organizerPersonId: best, newcomerPersonId: newcomer });
  }
  return suggested;
}
