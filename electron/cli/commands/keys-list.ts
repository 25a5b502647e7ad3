import { z } from 'zod';
import { KEY_STATUSES, type DeviceKeyView } from '../../contract/keys-contract';
import { defineCommand } from '../cli-command';
import { call } from '../call';
import { formatTable, printJson, printLine, printLines } from '../output';
import { DbOption, withDbOption, withWorkspace } from '../workspace-option';

const STATUS_WORDS: Record<DeviceKeyView['status'], string> = { root: 'root', enrolled: 'enrolled', requested: 'waiting for an admin', revoked: 'revoked' };

export const keysListCommand = defineCommand({
  path: ['keys', 'list'],
  description:
    "The workspace's root key first (compare its fingerprint with your team, out of band), this device's key, then every key: person, device, label, status.",
  configure: (command) => withDbOption(command).option('--json', 'print the keys overview as JSON (the API contract shape)'),
  options: z.object({ db: DbOption, json: z.boolean().default(false) }),
  run: async ({ db, json }) => {
    const overview = await withWorkspace(db, 'existing', (session) => call(session, 'keys.list', {}));
    if (json) return printJson(overview);
    const { root, rootChanged, thisDevice: me } = overview;
    printLine(root ? `Root: ${root.fingerprint} (device ${root.deviceId}, ${root.label}). Compare it with your team.` : 'Root: none yet (the first change made in this workspace makes its device the root).');
    if (rootChanged) printLine(`WARNING: this device first knew this workspace's root as ${rootChanged.pinned}, but the file now says ${rootChanged.found ?? 'none'}: the workspace file was rewritten.`);
    const signsFor = me.signsFor.length ? `signs for ${me.signsFor.map((p) => p.name).join(', ')}` : 'signs for nobody yet';
    printLine(`This device: ${me.fingerprint} (device ${me.deviceId}), ${signsFor}${me.isAdmin ? '; may enrol keys' : ''}. ${me.protection}`);
    if (overview.keys.length === 0) return printLine('No key has been requested or enrolled yet: "release-desk keys create --as PERSON" asks for one.');
    const order = (k: DeviceKeyView) => KEY_STATUSES.indexOf(k.status);
    const rows = [...overview.keys]
      .sort((a, b) => order(a) - order(b) || (a.personName ?? '').localeCompare(b.personName ?? ''))
      .map((k) => [
        k.personName ?? '—',
        `${k.deviceId}${k.thisDevice ? ' (this device)' : ''}`,
        k.label,
        STATUS_WORDS[k.status],
        k.fingerprint,
        [k.byName && k.status !== 'root' ? `by ${k.byName}` : '', k.at.slice(0, 10), k.reason].filter(Boolean).join(', '),
      ]);
    printLines(formatTable(['person', 'device', 'label', 'status', 'fingerprint', 'when'], rows));
  },
});
