import { z } from 'zod';
import { defineCommand } from '../cli-command';
import { call } from '../call';
import { printJson, printLine } from '../output';
import { withDbOption, withWorkspace } from '../workspace-option';
import { KeyActionOptions, keyFor, personFor } from './references';

export const keysRevokeCommand = defineCommand({
  path: ['keys', 'revoke'],
  description:
    'Revoke a key, for one person or (without --person) for everyone it signs for: records it signed before stay valid, later ones count nowhere, whatever their stamps say.',
  configure: (command) =>
    withDbOption(command)
      .requiredOption('--as <admin>', 'the workspace admin who revokes (or the key\'s own person, on its device)')
      .requiredOption('--key <device|fingerprint>', 'the device id or the fingerprint of the key')
      .option('--person <person>', 'revoke it only for this person')
      .requiredOption('--reason <text>', 'why, in words (a stolen laptop, someone who left); kept in the audit')
      .option('--json', 'print the keys overview afterwards as JSON'),
  options: z.object({ ...KeyActionOptions, reason: z.string().trim().min(1, 'must say why the key is revoked') }),
  run: async (options) => {
    await withWorkspace(options.db, 'existing', async (session) => {
      const admin = await personFor(session, options.as, '--as');
      const key = keyFor(await call(session, 'keys.list', {}), options.key);
      const person = options.person ? await personFor(session, options.person, '--person') : null;
      const overview = await call(session, 'keys.revoke', { deviceId: key.deviceId, personId: person?.id ?? null, reason: options.reason, asPersonId: admin.id });
      if (options.json) return printJson(overview);
      printLine(`Revoked the key ${key.fingerprint} (device ${key.deviceId}) ${person ? `for ${person.name}` : 'for everyone it signed for'}, as ${admin.name}: records it signs from now on count nowhere.`);
    });
  },
});
