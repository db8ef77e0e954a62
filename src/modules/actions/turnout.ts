// Turnout by the hour: check-in instants grouped by an hour key. The key function comes
// from the platform's time-zone code (the event's zone), so this stays pure and zone-free.

export type TurnoutHour = { hour: string; count: number; cumulative: number };

export function turnoutByHour(
  checkIns: readonly Date[],
  hourKey: (instant: Date) => string,
): TurnoutHour[] {
  const counts = new Map<string, number>();
  for (const instant of checkIns) {
    const key = hourKey(instant);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  let cumulative = 0;
  return [...counts.keys()].sort().map((hour) => {
    const count = counts.get(hour) ?? 0;
    cumulative += count;
    return { hour, count, cumulative };
  });
}
