import { Alert, Button, Card, Group, List, NumberInput, PasswordInput, Progress, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle, IconKeyOff, IconLockOpen, IconRefresh } from '@tabler/icons-react';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState, type FormEvent } from 'react';
import { plainHttpWarning } from '../../../../electron/contract/plain-http';
import type { SyncMode } from '../../../../electron/contract/sync-entities';
import { formatInstant } from '../../shared/dates';
import { notifyFailed, notifyInfo, notifySaved } from '../../shared/notify';
import { ConflictsTable } from './ConflictsTable';
import { FolderEncryptionFields, NO_ENCRYPTION, encryptionInput, encryptionNeeds, republishes, type EncryptionChoice } from './FolderEncryptionFields';
import { HELD_KIND_LABELS, syncSummary } from './sync-words';
import { useSyncStore } from './sync-store';

const MODES: Array<{ value: SyncMode; label: string }> = [
  { value: 'off', label: 'No sync' },
  { value: 'folder', label: 'Shared folder' },
  { value: 'server', label: 'Team server' },
];

/** Settings → Sync: where this device syncs to, what the last sync did, and the conflicts to review. */
export function SyncSettingsSection() {
  const { status, conflicts, syncing, inspection, inspectedFolder, loadStatus, loadConflicts, inspectFolder, configure, syncNow } = useSyncStore();
  const [mode, setMode] = useState<SyncMode>('off');
  const [folder, setFolder] = useState('');
  const [serverUrl, setServerUrl] = useState('');
  const [token, setToken] = useState('');
  const [interval, setIntervalSeconds] = useState<number>(60);
  const [encryption, setEncryption] = useState<EncryptionChoice>(NO_ENCRYPTION);
  const [typedFolder] = useDebouncedValue(folder, 400);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    void loadStatus();
    void loadConflicts();
  }, [loadStatus, loadConflicts]);
  const settings = status?.settings;
  useEffect(() => {
    if (!settings) return;
    setMode(settings.mode);
    setFolder(settings.folder ?? '');
    setServerUrl(settings.serverUrl ?? '');
    setIntervalSeconds(settings.intervalSeconds);
  }, [settings?.mode, settings?.folder, settings?.serverUrl, settings?.intervalSeconds]);
  useEffect(() => {
    if (mode === 'folder') void inspectFolder(typedFolder);
  }, [mode, typedFolder, inspectFolder]);
  // What the form shows about encryption belongs to the folder typed now, not to one typed a moment ago.
  const folderInspection = inspectedFolder === folder ? inspection : null;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const key = mode === 'folder' ? encryptionInput(folderInspection, encryption) : { input: {} };
    if ('error' in key) return setErrors(key.error);
    const settingUp = mode === 'folder' && encryptionNeeds(folderInspection) === 'choose' && encryption.kind !== 'none';
    setSaving(true);
    const result = await configure({
      mode,
      ...(mode === 'folder' ? { folder, ...key.input } : {}),
      ...(mode === 'server' ? { serverUrl, ...(token ? { token } : {}) } : {}),
      intervalSeconds: interval,
    });
    setSaving(false);
    if (!result.ok) {
      const issues = Object.fromEntries((result.error.issues ?? []).map((i) => [i.field, i.message]));
      setErrors(Object.keys(issues).length ? issues : { form: result.error.message });
      return;
    }
    setErrors({});
    setToken('');
    setEncryption(NO_ENCRYPTION);
    if (!settingUp) return notifySaved(mode === 'off' ? 'Sync is off on this device.' : 'Sync settings saved; syncing in the background.');
    // A folder just encrypted: publish encrypted (and take this device's unencrypted files away) now, not in a minute.
    notifySaved(`The folder is encrypted. Give teammates the ${encryption.kind === 'passphrase' ? 'passphrase' : 'key file'}; they enter it here.`);
    await runNow();
  };
  const runNow = async () => {
    const result = await syncNow();
    if (!result.ok) notifyFailed('Sync failed', result.error.message);
    else notifyInfo('Synced', `Sent ${result.value.sent}, received ${result.value.received} change(s).`);
  };

  const summary = syncSummary(status);
  const progress = status?.progress;
  const typedUrlWarning = mode === 'server' ? plainHttpWarning(serverUrl.trim()) : null;
  // Said once on this screen: by the form, next to the URL it is about.
  const statusWarnings = status?.warnings.filter((w) => w !== typedUrlWarning && w !== settings?.tokenWarning) ?? [];
  return (
    <Stack gap="md" maw={1100}>
      <div>
        <Title order={3} fz="md">
          Sync
        </Title>
        <Text size="sm" c="dimmed">
          Share this workspace with your team through a shared folder or a team server. Sync runs in the background; you can
          keep working offline and nothing is lost when two people edit the same thing.
        </Text>
      </div>
      <Card withBorder radius="sm" maw={720}>
        <form onSubmit={save} noValidate>
          <Stack gap="sm">
            <SegmentedControl value={mode} onChange={(v) => setMode(v as SyncMode)} data={MODES} aria-label="Sync through" />
            {mode === 'folder' && (
              <>
                <TextInput
                  label="Shared folder"
                  description="A full path to a folder on a network drive or a synced cloud folder (Dropbox, OneDrive, Syncthing). Each device writes only its own files there."
                  placeholder="/Users/ana/Dropbox/release-desk"
                  required
                  value={folder}
                  error={errors.folder}
                  onChange={(e) => setFolder(e.currentTarget.value)}
                />
                <FolderEncryptionFields
                  inspection={folderInspection}
                  keyInfo={settings?.folderKey ?? null}
                  choice={encryption}
                  onChange={setEncryption}
                  errors={errors}
                />
              </>
            )}
            {mode === 'server' && (
              <>
                <TextInput
                  label="Server URL"
                  placeholder="https://release-desk.example.com"
                  required
                  value={serverUrl}
                  error={errors.serverUrl}
                  onChange={(e) => setServerUrl(e.currentTarget.value)}
                />
                {typedUrlWarning && (
                  <Alert color="yellow" variant="light" py="xs" icon={<IconLockOpen size={16} />} title="Not encrypted" data-testid="plain-http-warning">
                    {typedUrlWarning}
                  </Alert>
                )}
                <PasswordInput
                  label="Member token"
                  description={settings?.tokenSet ? 'A token is saved; enter a new one only to replace it.' : 'Your admin issues it with "release-desk server token add".'}
                  required={!settings?.tokenSet}
                  value={token}
                  error={errors.token}
                  onChange={(e) => setToken(e.currentTarget.value)}
                />
                {settings?.mode === 'server' && settings.tokenWarning && (
                  <Alert color="yellow" variant="light" py="xs" icon={<IconKeyOff size={16} />} title="Saved member token" data-testid="token-warning">
                    {settings.tokenWarning}
                  </Alert>
                )}
              </>
            )}
            {mode !== 'off' && (
              <NumberInput
                label="Sync every (seconds)"
                min={10}
                max={86400}
                w={200}
                value={interval}
                error={errors.intervalSeconds}
                onChange={(v) => setIntervalSeconds(Number(v) || 60)}
              />
            )}
            {errors.form && (
              <Text c="red" size="sm">
                {errors.form}
              </Text>
            )}
            <Group justify="flex-end">
              {settings && settings.mode !== 'off' && (
                <Button variant="default" leftSection={<IconRefresh size={16} />} loading={syncing || status?.running} onClick={() => void runNow()}>
                  Sync now
                </Button>
              )}
              <Button type="submit" loading={saving}>
                {mode === 'folder' && republishes(folderInspection, encryption) ? 'Encrypt and re-publish' : 'Save sync settings'}
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>

      {status && status.settings.mode !== 'off' && (
        <Card withBorder radius="sm" maw={720} data-testid="sync-status-card">
          <Stack gap={6}>
            <Group justify="space-between">
              <Text fw={500} c={summary.color === 'gray' ? undefined : summary.color}>
                {summary.label}
              </Text>
              <Text size="sm" c="dimmed">
                {status.lastSyncedAt ? `Last synced ${formatInstant(status.lastSyncedAt)}` : 'Never synced'} · {status.waiting} change(s) waiting to be sent
              </Text>
            </Group>
            {status.running && progress && progress.total > 0 && (
              <Progress value={(progress.done / progress.total) * 100} aria-label={`${progress.phase} ${progress.done} of ${progress.total}`} animated />
            )}
            {status.lastError && (
              <Alert color="red" icon={<IconAlertTriangle size={16} />} title="The last sync failed">
                {status.lastError}
              </Alert>
            )}
            {statusWarnings.length > 0 && (
              <List size="sm" c="dimmed" spacing={2}>
                {statusWarnings.slice(0, 8).map((w) => (
                  <List.Item key={w}>{w}</List.Item>
                ))}
              </List>
            )}
            {status.held.length > 0 && (
              <Alert color="orange" icon={<IconAlertTriangle size={16} />} title={`${status.held.length} change(s) held back, not lost`}>
                <List size="sm" spacing={2}>
                  {status.held.slice(0, 6).map((h) => (
                    <List.Item key={`${h.entity}/${h.rowId}/${h.field}/${h.hlc}`}>
                      {HELD_KIND_LABELS[h.kind]}: {h.entity} {h.field} from device {h.deviceId}. {h.reason}
                    </List.Item>
                  ))}
                </List>
              </Alert>
            )}
          </Stack>
        </Card>
      )}

      <Stack gap={4}>
        <Title order={4} fz="sm">
          Conflicts {conflicts.length > 0 && `(${conflicts.length})`}
        </Title>
        <Card withBorder padding={0} radius="sm">
          <ConflictsTable conflicts={conflicts} />
        </Card>
      </Stack>
    </Stack>
  );
}
