/**
 * `list` in consecutive slices of at most `size`, in order: a long list written or looked
 * up in several statements, each under PostgreSQL's limit of parameters per statement.
 */
export function* chunks<T>(list: readonly T[], size: number): Generator<T[]> {
  for (let start = 0; start < list.length; start += size) yield list.slice(start, start + size);
}
