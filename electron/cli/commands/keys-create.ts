import { z } from 'zod';
import { defineCommand } from '../cli-command';
import { call } from '../call';
import { printJson, printLine } from '../output';
import { DbOption, withDbOption, withWorkspace } from '../workspace-option';
import { personFor } from './references';

/** Quoted for a shell when it has anything but plain word characters. */
export const shellWord = (text: string) => (/^[\w@.+-]+$/.test(text) ? text : JSON.stringify(text));

export const keysCreateCommand = defineCommand({
  path: ['keys', 'create'],
  description:
    "Ask for this device's key to be enrolled for a person (a signed request that syncs); prints the key's fingerprint, which a workspace admin enrols with \"keys enrol\".",
  configure: (command) =>
    withDbOption(command)
      .requiredOption('--as <person>', 'who will sign on this device: person id, email or exact name')
      .option('--json', 'print the keys overview afterwards as JSON'),
  options: z.object({ db: DbOption, as: z.string().trim().min(1, 'must name a person'), json: z.boolean().default(false) }),
  run: async ({ db, as, json }) => {
    await withWorkspace(db, 'existing', async (session) => {
      const person = await personFor(session, as, '--as');
      const before = await call(session, 'keys.list', {});
      const already = before.thisDevice.signsFor.some((p) => p.personId === person.id);
      const overview = already ? before : await call(session, 'keys.request', { personId: person.id, asPersonId: person.id });
      if (json) return printJson(overview);
      const me = overview.thisDevice;
      if (already) {
        printLine(`This device's key is already enrolled for ${person.name}: it signs for them here. Fingerprint: ${me.fingerprint} (device ${me.deviceId}).`);
        return;
      }
      printLine(`Asked for this device's key to be enrolled for ${person.name}.`);
      printLine(`Fingerprint: ${me.fingerprint} (device ${me.deviceId})`);
      printLine(`Key kept: ${me.protection}`);
      const enrol = `release-desk keys enrol --db FILE --as ADMIN --key ${me.deviceId} --person ${shellWord(person.name)}`;
      printLine(
        me.isAdmin
          ? `This device holds admin authority: enrol it now with ${enrol.replace('--db FILE', `--db ${shellWord(db)}`)}`
          : `Next: sync, then a workspace admin compares the fingerprint with you and enrols it: ${enrol}`,
      );
    });
  },
});
