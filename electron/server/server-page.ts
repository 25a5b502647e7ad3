import type { ChangeRow } from '../core/changes/change-row';

/**
 * A pull page cut from the `limit + 1` rows after the cursor, never splitting one write: the rules judge a signed
 * record whole. Undefined when one write is longer than the page (never in practice: the largest has fifteen
 * fields): read again with twice the limit.
 */
export function cutPage(rows: readonly ChangeRow[], limit: number): { page: ChangeRow[]; more: boolean } | undefined {
  if (rows.length > limit && rows[limit].hlc === rows[0].hlc) return undefined;
  const more = rows.length > limit;
  const page = rows.slice(0, limit);
  if (more && rows[limit].hlc === page[page.length - 1].hlc) return { page: page.slice(0, page.findIndex((r) => r.hlc === rows[limit].hlc)), more };
  return { page, more };
}

/**
 * Reads (`read(size)` gives up to `size + 1` rows after `since` and the highest number stored, from one snapshot)
 * until a page can be cut; the cursor passes the puller's own changes left out, read in that same snapshot.
 */
export async function pageOf(
  read: (size: number) => Promise<{ rows: ChangeRow[]; maxSeq: number }>,
  since: number,
  limit: number,
): Promise<{ rows: ChangeRow[]; cursor: number; more: boolean; maxSeq: number }> {
  for (let size = limit; ; size *= 2) {
    const { rows, maxSeq } = await read(size);
    const cut = cutPage(rows, size);
    if (!cut) continue;
    return { rows: cut.page, more: cut.more, maxSeq, cursor: cut.more ? cut.page[cut.page.length - 1].seq : Math.max(since, maxSeq) };
  }
}
