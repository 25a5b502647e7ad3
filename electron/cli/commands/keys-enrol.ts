import { z } from 'zod';
import { defineCommand } from '../cli-command';
import { call } from '../call';
import { usageError } from '../cli-errors';
import { printJson, printLine } from '../output';
import { withDbOption, withWorkspace } from '../workspace-option';
import { KeyActionOptions, keyFor, personFor } from './references';

export const keysEnrolCommand = defineCommand({
  path: ['keys', 'enrol'],
  description:
    "Enrol a device's key for a person, as a workspace admin on an admin's device: from then on records it signs for that person count. The key is the one its request named (or this device's own).",
  configure: (command) =>
    withDbOption(command)
      .requiredOption('--as <admin>', 'the workspace admin who enrols: person id, email or exact name')
      .requiredOption('--key <device|fingerprint>', 'the device id or the fingerprint of the key (a prefix of 8 or more hex digits is enough)')
      .option('--person <person>', 'whom the key signs for; needed when the key asked for several people, or for this device itself')
      .option('--json', 'print the keys overview afterwards as JSON'),
  options: z.object({ ...KeyActionOptions }),
  run: async (options) => {
    await withWorkspace(options.db, 'existing', async (session) => {
      const admin = await personFor(session, options.as, '--as');
      const key = keyFor(await call(session, 'keys.list', {}), options.key);
      const requested = key.records.filter((k) => k.status === 'requested' && k.personId);
      let person: { id: string; name: string };
      if (options.person) person = await personFor(session, options.person, '--person');
      else if (requested.length === 1) person = { id: requested[0].personId!, name: requested[0].personName ?? requested[0].personId! };
      else if (requested.length > 1) throw usageError(`--person is needed: the key of device ${key.deviceId} asks to be enrolled for ${requested.map((k) => k.personName).join(', ')}`);
      else throw usageError(`--person is needed: no request of the key of device ${key.deviceId} is waiting (name whom it signs for)`);
      const overview = await call(session, 'keys.enrol', { deviceId: key.deviceId, personId: person.id, asPersonId: admin.id });
      if (options.json) return printJson(overview);
      printLine(`Enrolled the key ${key.fingerprint} (device ${key.deviceId}) for ${person.name}, as ${admin.name}. It counts on every device once this syncs.`);
    });
  },
});
