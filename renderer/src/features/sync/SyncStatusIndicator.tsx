import { Button, Group, Modal, Popover, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconBroadcast, IconCloud, IconCloudOff, IconLoader2, IconPlugConnectedX, IconRefresh } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { formatInstant } from '../../shared/dates';
import { notifyFailed } from '../../shared/notify';
import { ConflictsTable } from './ConflictsTable';
import { useSyncStore } from './sync-store';
import { liveWords, syncSummary } from './sync-words';
import { useSyncErrorAnnouncement } from './use-sync-error-announcement';

const ICONS = { off: IconCloudOff, ok: IconCloud, live: IconBroadcast, offline: IconPlugConnectedX, busy: IconLoader2, warn: IconAlertTriangle, error: IconAlertTriangle };

/** The header's sync status: one glance (last synced, waiting, errors), details and "Sync now" on click. */
export function SyncStatusIndicator() {
  const { status, conflicts, syncing, syncNow, loadConflicts, loadStatus } = useSyncStore();
  const [conflictsOpen, setConflictsOpen] = useState(false);
  // The status itself arrives with the live and change feeds; this clock only moves "offline for 5 min" on.
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    void loadStatus();
    const clock = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(clock);
  }, [loadStatus]);
  const summary = syncSummary(status, now);
  const live = status ? liveWords(status) : null;
  useSyncErrorAnnouncement();
  const Icon = ICONS[summary.tone];
  const openConflicts = () => {
    void loadConflicts();
    setConflictsOpen(true);
  };

  return (
    <>
      <Popover width={340} position="bottom-end" shadow="md" withArrow>
        <Popover.Target>
          <Button variant="subtle" color={summary.color} size="compact-sm" leftSection={<Icon size={16} />} data-testid="sync-indicator" aria-label={`Sync: ${summary.label}`}>
            {summary.label}
          </Button>
        </Popover.Target>
        <Popover.Dropdown>
          <Stack gap={6}>
            {!status || status.settings.mode === 'off' ? (
              <Text size="sm">Sync is off on this device. Choose a shared folder or a team server in Settings → Sync.</Text>
            ) : (
              <>
                <Text size="sm">
                  {status.settings.mode === 'folder' ? `Folder ${status.settings.folder}` : `Team server ${status.settings.serverUrl}`}
                </Text>
                {live && (
                  <Text size="sm" c={status.live.state === 'offline' ? 'orange' : undefined} data-testid="live-words">
                    {live}
                  </Text>
                )}
                <Text size="sm" c="dimmed">
                  {status.lastSyncedAt ? `Last synced ${formatInstant(status.lastSyncedAt)}` : 'Not synced yet'} · {status.waiting} waiting
                </Text>
                {status.lastError && (
                  <Text size="sm" c="red">
                    {status.lastError}
                  </Text>
                )}
                {status.held.length > 0 && (
                  <Text size="sm" c="orange">
                    {status.held.length} change(s) held back, not lost: see Settings → Sync.
                  </Text>
                )}
                <Group gap="xs" mt={4}>
                  <Button
                    size="compact-sm"
                    leftSection={<IconRefresh size={14} />}
                    loading={syncing || status.running}
                    onClick={async () => {
                      const result = await syncNow();
                      if (!result.ok) notifyFailed('Sync failed', result.error.message);
                    }}
                  >
                    Sync now
                  </Button>
                  {status.openConflicts > 0 && (
                    <Button size="compact-sm" variant="light" color="orange" onClick={openConflicts}>
                      Review {status.openConflicts} conflict{status.openConflicts === 1 ? '' : 's'}
                    </Button>
                  )}
                </Group>
              </>
            )}
          </Stack>
        </Popover.Dropdown>
      </Popover>
      <Modal opened={conflictsOpen} onClose={() => setConflictsOpen(false)} title="Conflicts" size="80rem">
        <ConflictsTable conflicts={conflicts} />
      </Modal>
    </>
  );
}
