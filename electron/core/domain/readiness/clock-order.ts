/** Records that carry a hybrid-logical-clock stamp: they order by it, then by id, whatever order they are listed in. */
export interface Clocked {
  id: string;
  hlc: string;
}

export function compareClock(a: Clocked, b: Clocked): number {
  if (a.hlc !== b.hlc) return a.hlc < b.hlc ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The newest of `items` by clock (ties broken by id), or undefined for none. */
export function newest<T extends Clocked>(items: Iterable<T>): T | undefined {
  let best: T | undefined;
  for (const item of items) if (!best || compareClock(item, best) > 0) best = item;
  return best;
}

export function byClock<T extends Clocked>(items: readonly T[]): T[] {
  return [...items].sort(compareClock);
}
