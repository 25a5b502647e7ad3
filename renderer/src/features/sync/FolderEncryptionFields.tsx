import { Alert, Group, Input, List, PasswordInput, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconLock, IconLockOpen } from '@tabler/icons-react';
import type { FolderInspection, FolderKeyInfo, FolderKeyKind } from '../../../../electron/contract/sync-entities';
import { formatInstant } from '../../shared/dates';

export type EncryptionKind = 'none' | FolderKeyKind;
export interface EncryptionChoice {
  kind: EncryptionKind;
  passphrase: string;
  repeat: string;
  keyFile: string;
}
export const NO_ENCRYPTION: EncryptionChoice = { kind: 'none', passphrase: '', repeat: '', keyFile: '' };

const KINDS: Array<{ value: EncryptionKind; label: string }> = [
  { value: 'none', label: 'Not encrypted' },
  { value: 'passphrase', label: 'Passphrase' },
  { value: 'key-file', label: 'Key file' },
];

/** What the form asks of the folder's team key, from what the folder holds and what this device has saved. */
export function encryptionNeeds(inspection: FolderInspection | null): 'unknown' | 'held' | 'enter' | 'choose' {
  if (!inspection || inspection.problem) return 'unknown';
  if (inspection.encryption) return inspection.keyHeld ? 'held' : 'enter';
  return 'choose';
}

/** Whether saving sets up encryption on a folder that holds unencrypted files (the button says so). */
export function republishes(inspection: FolderInspection | null, choice: EncryptionChoice): boolean {
  return encryptionNeeds(inspection) === 'choose' && choice.kind !== 'none' && (inspection?.unencrypted.length ?? 0) > 0;
}

/**
 * The fields `sync.configure` gets for the folder's key, or the field at fault. Nothing when the key is already held
 * or the folder stays unencrypted.
 */
export function encryptionInput(
  inspection: FolderInspection | null,
  choice: EncryptionChoice,
): { input: { passphrase?: string; keyFile?: string; republish?: boolean } } | { error: Record<string, string> } {
  const needs = encryptionNeeds(inspection);
  const kind = needs === 'enter' ? inspection!.encryption!.kind : choice.kind;
  if (needs === 'held' || needs === 'unknown' || kind === 'none') return { input: {} };
  if (kind === 'key-file') return { input: { keyFile: choice.keyFile, ...(republishes(inspection, choice) ? { republish: true } : {}) } };
  if (needs === 'choose' && choice.passphrase !== choice.repeat) return { error: { repeat: 'The two passphrases differ: type the same one twice.' } };
  return { input: { passphrase: choice.passphrase, ...(republishes(inspection, choice) ? { republish: true } : {}) } };
}

/**
 * Settings → Sync, shared folder: whether the folder is encrypted with a team key, and the passphrase or key file this
 * device needs. A folder not yet encrypted can be encrypted here; when it already holds unencrypted files the form
 * says whose, and what saving does about them.
 */
export function FolderEncryptionFields(props: {
  inspection: FolderInspection | null;
  keyInfo: FolderKeyInfo | null;
  choice: EncryptionChoice;
  onChange: (choice: EncryptionChoice) => void;
  errors: Record<string, string>;
}) {
  const { inspection, keyInfo, choice, onChange, errors } = props;
  const needs = encryptionNeeds(inspection);
  const set = (patch: Partial<EncryptionChoice>) => onChange({ ...choice, ...patch });
  if (needs === 'unknown') {
    // Once saving said what is wrong with the path, the field says it; the form need not say it twice.
    return inspection?.problem && !errors.folder ? (
      <Text size="sm" c="dimmed" data-testid="folder-problem">
        {inspection.problem}
      </Text>
    ) : null;
  }
  const encryption = inspection!.encryption;
  const kindWords = (kind: FolderKeyKind) => (kind === 'passphrase' ? 'team passphrase' : 'team key file');

  if (needs === 'held' && encryption) {
    return (
      <Group gap="xs" wrap="nowrap" align="flex-start" data-testid="folder-encryption">
        <IconLock size={16} color="var(--mantine-color-teal-6)" style={{ flexShrink: 0, marginTop: 2 }} aria-hidden />
        <Text size="sm">
          Encrypted with the {kindWords(encryption.kind)}, set up by {encryption.setUpBy} on {formatInstant(encryption.setUpAt)}. This device holds
          the key{keyInfo?.keyFile ? ` (from ${keyInfo.keyFile})` : ''}
          {keyInfo ? `, ${keyInfo.protection}` : ''}.
        </Text>
      </Group>
    );
  }

  const kind = needs === 'enter' && encryption ? encryption.kind : choice.kind;
  const others = inspection!.unencrypted.filter((d) => !d.thisDevice);
  return (
    <Stack gap="xs" data-testid="folder-encryption">
      {needs === 'enter' && encryption ? (
        <Alert color="blue" variant="light" py="xs" icon={<IconLock size={16} />} title="This folder is encrypted">
          It was set up with a {kindWords(encryption.kind)} by {encryption.setUpBy} on {formatInstant(encryption.setUpAt)}. Until you enter it, this
          device reads nothing from the folder and writes nothing to it. Ask whoever set up the folder.
        </Alert>
      ) : (
        <>
          <Input.Wrapper label="Encryption" id="folder-encryption-kind" labelElement="div">
            <div>
              <SegmentedControl size="xs" value={choice.kind} onChange={(v) => set({ kind: v as EncryptionKind })} data={KINDS} aria-labelledby="folder-encryption-kind-label" />
            </div>
          </Input.Wrapper>
          {choice.kind === 'none' && (
            <Group gap="xs" wrap="nowrap" align="flex-start">
              <IconLockOpen size={16} color="var(--mantine-color-yellow-7)" style={{ flexShrink: 0, marginTop: 2 }} aria-hidden />
              <Text size="sm" c="dimmed">
                Anyone who can read this folder (the cloud drive, the network share) can read every release, runbook step and sign-off comment in it.
                Encrypt it with a team passphrase or a key file that only your team holds.
              </Text>
            </Group>
          )}
        </>
      )}
      {kind === 'passphrase' && (
        <Group grow align="flex-start">
          <PasswordInput
            label="Team passphrase"
            description={needs === 'enter' ? 'The passphrase your team chose for this folder.' : 'At least 12 characters; four or five random words are best. It never goes into the folder.'}
            required
            autoComplete={needs === 'enter' ? 'current-password' : 'new-password'}
            value={choice.passphrase}
            error={errors.passphrase}
            onChange={(e) => set({ passphrase: e.currentTarget.value })}
          />
          {needs === 'choose' && (
            <PasswordInput
              label="Repeat the passphrase"
              description="Give it to teammates in person or through a password manager."
              required
              autoComplete="new-password"
              value={choice.repeat}
              error={errors.repeat}
              onChange={(e) => set({ repeat: e.currentTarget.value })}
            />
          )}
        </Group>
      )}
      {kind === 'key-file' && (
        <TextInput
          label="Team key file"
          description={
            needs === 'enter'
              ? "The full path of your copy of the team's key file."
              : 'The full path of a file of at least 32 random bytes (head -c 32 /dev/urandom > team.key). Copy it to each teammate’s device, never into the shared folder.'
          }
          placeholder="/Users/ana/release-desk/team.key"
          required
          value={choice.keyFile}
          error={errors.keyFile}
          onChange={(e) => set({ keyFile: e.currentTarget.value })}
        />
      )}
      {republishes(inspection, choice) && (
        <Alert
          color="yellow"
          variant="light"
          py="xs"
          icon={<IconAlertTriangle size={16} />}
          title="This folder already holds unencrypted files"
          data-testid="unencrypted-files"
        >
          <List size="sm" spacing={2} mb={6}>
            {[...inspection!.unencrypted].sort((x, y) => Number(y.thisDevice) - Number(x.thisDevice)).map((d) => (
              <List.Item key={d.deviceId}>
                {d.thisDevice ? 'This device' : d.name}: {d.files} file{d.files === 1 ? '' : 's'}
              </List.Item>
            ))}
          </List>
          <Text size="sm">
            Saving encrypts the folder: this device re-publishes its history encrypted and removes its own unencrypted files.
            {others.length > 0 && ' The other devices’ files stay readable to anyone who can read the folder until each syncs with the team key.'}
          </Text>
          {errors.republish && (
            <Text size="sm" c="red" mt={4}>
              {errors.republish}
            </Text>
          )}
        </Alert>
      )}
    </Stack>
  );
}
