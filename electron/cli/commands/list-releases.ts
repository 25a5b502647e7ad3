import { z } from 'zod';
import { RELEASE_STATUS_LABELS, type Release } from '../../contract/entities';
import type { WorkspaceSession } from '../../core';
import { defineCommand } from '../cli-command';
import { call } from '../call';
import { formatTable, printJson, printLine, printLines } from '../output';
import { DbOption, withDbOption, withWorkspace } from '../workspace-option';

export const listReleasesCommand = defineCommand({
  path: ['list', 'releases'],
  description: 'List every release by window start: a table, or the API shape with --json.',
  configure: (command) => withDbOption(command).option('--json', 'print a JSON array of releases (the API contract shape)'),
  options: z.object({ db: DbOption, json: z.boolean().default(false) }),
  run: async ({ db, json }) => {
    await withWorkspace(db, 'existing', async (session) => {
      const releases = await call(session, 'releases.list', {});
      if (json) return printJson(releases);
      if (releases.length === 0) return printLine('No releases.');
      printLines(await releaseTable(session, releases));
    });
  },
});

async function releaseTable(session: WorkspaceSession, releases: Release[]): Promise<string[]> {
  const names = async (method: 'people.list' | 'systems.list' | 'environments.list') =>
    new Map(((await call(session, method, {})) as Array<{ id: string; name: string }>).map((x) => [x.id, x.name]));
  const [people, systems, environments] = [await names('people.list'), await names('systems.list'), await names('environments.list')];
  const label = (ids: readonly string[], map: Map<string, string>) => ids.map((id) => map.get(id) ?? id).join(', ');
  return formatTable(
    ['Window (local)', 'Zone', 'Release', 'Status', 'Systems', 'Environments', 'Owner'],
    releases.map((r) => [
      `${localTime(r.windowStart, r.timeZone)} – ${localTime(r.windowEnd, r.timeZone).slice(11)}`,
      r.timeZone,
      `${r.name} ${r.version}`,
      RELEASE_STATUS_LABELS[r.status],
      label(r.systemIds, systems),
      label(r.environmentIds, environments),
      r.ownerId ? (people.get(r.ownerId) ?? r.ownerId) : '—',
    ]),
  );
}

/** Windows read as the team booked them: wall-clock time in the release's own zone. */
const formatters = new Map<string, Intl.DateTimeFormat>();
function localTime(instant: string, zone: string): string {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(zone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}
