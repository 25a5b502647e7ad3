import path from 'node:path';
import type { WorkspaceStore } from '../store/workspace-store';
import { deviceNamer } from './device-names';
import { writeNewFile } from './exclusive-file';
import { FOLDER_KEY_FILE, FolderKeyError, createFolderKey, kindOf, readFolderKeyHeader, unlockFolderKey, type FolderKey, type FolderKeyHeader, type FolderSecret } from './folder-key';
import { folderIsEncrypted, surveyFolder, type FolderSurvey } from './folder-survey';

/** Setting up encryption on a folder that holds unencrypted files needs a yes first (it removes this device's files). */
export class RepublishNeeded extends FolderKeyError {}

/**
 * The key a sync uses for a folder, checked against the folder before anything is read or written: an encrypted
 * folder is never read or written without its key, and a device that holds a key never writes unencrypted files,
 * whatever the folder looks like now. Throws FolderKeyError in words; returns the warnings worth telling.
 */
export function checkFolderAccess(store: WorkspaceStore, root: string, survey: FolderSurvey, access: { key: FolderKey | null; restoreHeader?: boolean }): string[] {
  const { key } = access;
  const name = deviceNamer(store);
  if (!key) {
    if (!folderIsEncrypted(survey)) return [];
    const nothing = 'this device read nothing and wrote nothing there';
    if (!survey.header) {
      throw new FolderKeyError(
        `The shared folder ${root} holds encrypted files but its encryption header (${FOLDER_KEY_FILE}) is missing, and ${nothing}. A device that holds the team key puts the header back when it syncs; then enter the team's passphrase or key file here.`,
      );
    }
    throw new FolderKeyError(`The shared folder ${root} is encrypted with a team ${describeKind(survey.header)} (${setUp(survey.header, name)}) and this device holds no key for it, so ${nothing}. ${askFor(survey.header)}`);
  }
  if (!survey.header) {
    if (!access.restoreHeader) throw new FolderKeyError(`The shared folder ${root} has no encryption header (${FOLDER_KEY_FILE}), so this device, which holds a team key for it, wrote nothing there.`);
    // Someone removed the header (or the folder's sync tool lost it): a device with the key puts it back, so that no
    // device mistakes the folder for an unencrypted one and the team's passphrase keeps working.
    writeNewFile(path.join(root, FOLDER_KEY_FILE), headerText(key.header));
    return [`The shared folder's encryption header (${FOLDER_KEY_FILE}) was missing; this device put it back.`];
  }
  if (survey.header.check !== key.header.check) {
    throw new FolderKeyError(
      `The shared folder ${root} is encrypted with another team key than the one this device holds (the folder's was ${setUp(survey.header, name)}), so this device read nothing and wrote nothing there. ${askFor(survey.header)}`,
    );
  }
  return [];
}

/**
 * The folder's key from a passphrase or key file: unlocked with the folder's header, or, for a folder not yet
 * encrypted, a new team key whose header this device writes (setting up encryption). A folder that already holds
 * unencrypted files is set up only with `republish`: this device then publishes its whole history encrypted and
 * removes its own unencrypted files on its next sync; other devices do so when they sync with the key.
 */
export async function unlockFolder(store: WorkspaceStore, root: string, secret: FolderSecret, options: { republish?: boolean; scryptN?: number } = {}): Promise<{ key: FolderKey; setUp: boolean }> {
  const survey = surveyFolder(root);
  if (survey.header) return { key: await unlockFolderKey(survey.header, secret, root), setUp: false };
  if (folderIsEncrypted(survey)) {
    throw new FolderKeyError(
      `The shared folder ${root} holds encrypted files but its encryption header (${FOLDER_KEY_FILE}) is missing: a new team key would leave those files unreadable, so none was set up. A device that holds the team key puts the header back when it syncs.`,
    );
  }
  const plain = survey.devices.filter((d) => d.plain.length > 0);
  if (plain.length > 0 && !options.republish) {
    const name = deviceNamer(store);
    const others = plain.filter((d) => d.deviceId !== store.deviceId);
    throw new RepublishNeeded(
      `The shared folder ${root} already holds unencrypted files of ${plain.length} device${plain.length === 1 ? '' : 's'} (${plain.map((d) => name(d.deviceId)).join(', ')}). ` +
        "Encrypting it re-publishes this device's history encrypted and removes this device's unencrypted files" +
        (others.length ? '; the other devices\' files stay readable to anyone who can read the folder until each syncs with the team key' : '') +
        '. Confirm with "Encrypt and re-publish" (release-desk sync: --republish).',
    );
  }
  const key = await createFolderKey(secret, root, store.deviceId, new Date(store.now()), { scryptN: options.scryptN });
  if (writeNewFile(path.join(root, FOLDER_KEY_FILE), headerText(key.header))) return { key, setUp: true };
  // Another device set up the folder at the same moment: its key is the team's.
  const theirs = readFolderKeyHeader(root);
  if (!theirs) throw new FolderKeyError(`Could not write the encryption header ${FOLDER_KEY_FILE} into ${root}.`);
  return { key: await unlockFolderKey(theirs, secret, root), setUp: false };
}

function headerText(header: FolderKeyHeader): string {
  return `${JSON.stringify(header, null, 2)}\n`;
}

function describeKind(header: FolderKeyHeader): string {
  return kindOf(header) === 'passphrase' ? 'passphrase' : 'key file';
}

function setUp(header: FolderKeyHeader, name: (deviceId: string) => string): string {
  return `set up by ${name(header.setUpBy)} on ${header.setUpAt.slice(0, 10)}`;
}

function askFor(header: FolderKeyHeader): string {
  return kindOf(header) === 'passphrase'
    ? 'Enter the team passphrase in Settings → Sync (release-desk sync: --passphrase-file FILE).'
    : "Choose the team's key file in Settings → Sync (release-desk sync: --key-file FILE).";
}
