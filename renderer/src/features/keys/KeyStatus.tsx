import { ActionIcon, Anchor, Button, Popover, Stack, Text, Tooltip } from '@mantine/core';
import { IconKey, IconKeyOff } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { formatInstant } from '../../shared/dates';
import { notifyFailed, notifySaved } from '../../shared/notify';
import { useNavigationStore } from '../../shell/navigation-store';
import { useSyncStore } from '../sync/sync-store';
import { useKeysStore } from './keys-store';
import { useSigning } from './use-signing';

/**
 * Beside "You are": whether this device signs for the chosen person. Without an enrolled key the screens are
 * read-only for their signed records, and this says why and offers the one next step: request a key, or, on an
 * admin's device, enrol this device for them.
 */
export function KeyStatus() {
  const { overview, load, request, enrol } = useKeysStore();
  const lastSyncedAt = useSyncStore((s) => s.status?.lastSyncedAt ?? null);
  const go = useNavigationStore((s) => s.go);
  const { me, keyState, isAdmin } = useSigning();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  // Enrolments arrive by sync: read the keys again whenever a sync finished.
  useEffect(() => void load(), [load, lastSyncedAt]);

  if (!me || !overview) return null;
  const fingerprint = overview.thisDevice.fingerprint;
  if (keyState === 'enrolled') {
    return (
      <Tooltip label={`This device signs for ${me.name} (key ${fingerprint}).`} withArrow>
        <ActionIcon variant="subtle" color="teal" size="sm" aria-label={`This device signs for ${me.name}`} onClick={() => go('settings', 'keys')} data-testid="key-status">
          <IconKey size={16} />
        </ActionIcon>
      </Tooltip>
    );
  }
  const waiting = overview.keys.find((k) => k.thisDevice && k.status === 'requested' && k.personId === me.id);
  const act = async (what: 'request' | 'enrol') => {
    setBusy(true);
    const result = what === 'enrol' ? await enrol(overview.thisDevice.deviceId, me.id) : await request(me.id);
    setBusy(false);
    if (!result.ok) return notifyFailed(what === 'enrol' ? 'Could not enrol this device' : 'Could not request a key', result.error.message);
    setOpen(false);
    notifySaved(what === 'enrol' ? `This device now signs for ${me.name}.` : `Key requested for ${me.name}: a workspace admin enrols it once it has synced.`);
  };
  return (
    <Popover opened={open} onChange={setOpen} width={360} position="bottom-end" shadow="md" withArrow>
      <Popover.Target>
        <Button size="compact-sm" variant="light" color="orange" leftSection={<IconKeyOff size={14} />} onClick={() => setOpen((o) => !o)} data-testid="key-status">
          {keyState === 'requested' ? 'Key requested' : 'No key'}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs" data-testid="key-status-popover">
          <Text size="sm" fw={600}>
            This device cannot sign for {me.name}
          </Text>
          <Text size="sm">
            No key of {me.name} is enrolled on this device, so you can read everything but not assert, halt, tick, waive, decide or record step
            executions as {me.name}: such records would count nowhere.
          </Text>
          {isAdmin ? (
            <Button size="xs" loading={busy} onClick={() => act('enrol')}>
              Enrol this device for {me.name}
            </Button>
          ) : waiting ? (
            <Text size="sm" c="dimmed">
              Requested {formatInstant(waiting.at)}. A workspace admin enrols it once it has synced; compare this device’s fingerprint with them:{' '}
              <Text span ff="monospace" fw={600} c="var(--mantine-color-text)">
                {fingerprint}
              </Text>
            </Text>
          ) : (
            <Button size="xs" loading={busy} onClick={() => act('request')}>
              Request a key for {me.name}
            </Button>
          )}
          <Anchor
            component="button"
            type="button"
            size="sm"
            onClick={() => {
              setOpen(false);
              go('settings', 'keys');
            }}
          >
            Open Settings → Keys
          </Anchor>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
