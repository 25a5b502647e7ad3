import { Button, Divider, Drawer, Group, Stack, Table, Text } from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { notifyFailed, notifySaved } from '../../shared/notify';
import { notifyWithUndo } from '../../shared/undo-notification';
import { describeWindowInZone, formatWindow, viewerTimeZone } from '../../shared/dates';
import { StatusBadge } from '../../shared/StatusBadge';
import { useNameLookups } from '../workspace/use-name-lookups';
import { describeValue } from './audit-format';
import { AuditHistory } from './AuditHistory';
import { ReleaseReadinessPanel } from '../readiness/ReleaseReadinessPanel';
import { useReleasesStore } from './releases-store';
import { useReleasesViewStore } from './releases-view-store';
import { ReleaseOutcomePanel } from '../metrics/ReleaseOutcomePanel';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th w={150} c="dimmed" fw={500} style={{ verticalAlign: 'top' }}>
        {label}
      </Table.Th>
      <Table.Td>{children}</Table.Td>
    </Table.Tr>
  );
}

export function ReleaseDetailDrawer() {
  const selectedId = useReleasesViewStore((s) => s.selectedId);
  const select = useReleasesViewStore((s) => s.select);
  const openEdit = useReleasesViewStore((s) => s.openEdit);
  const release = useReleasesStore((s) => s.releases.find((r) => r.id === selectedId));
  const remove = useReleasesStore((s) => s.remove);
  const restore = useReleasesStore((s) => s.restore);
  const names = useNameLookups();
  const close = () => select(null);

  return (
    <Drawer
      opened={Boolean(release)}
      onClose={close}
      position="right"
      size={560}
      title={release && `${release.name} ${release.version}`}
      styles={{ title: { fontWeight: 600, fontSize: 'var(--mantine-font-size-lg)' } }}
      data-testid="release-detail"
    >
      {release && (
        <Stack gap="md" data-testid="release-detail-body">
          <Group gap="xs">
            <Button leftSection={<IconPencil size={16} />} onClick={() => openEdit(release.id)}>
              Edit
            </Button>
            <Button
              variant="default"
              color="red"
              leftSection={<IconTrash size={16} />}
              aria-label="Delete release"
              onClick={async () => {
                const label = `${release.name} ${release.version}`;
                const result = await remove(release.id);
                if (!result.ok) return notifyFailed(`Could not delete ${label}`, result.error.message);
                close();
                notifyWithUndo('Release deleted', `${label} is gone from every list; its history is kept.`, async () => {
                  const restored = await restore(release.id);
                  if (restored.ok) notifySaved(`${label} is back.`);
                  else notifyFailed(`Could not bring back ${label}`, restored.error.message);
                });
              }}
            >
              Delete
            </Button>
          </Group>
          <Table withRowBorders={false} verticalSpacing={6} horizontalSpacing="xs">
            <Table.Tbody>
              <Field label="Status">
                <StatusBadge status={release.status} />
              </Field>
              <Field label="Version">{release.version}</Field>
              <Field label="Systems">{describeValue('systemIds', release.systemIds, names)}</Field>
              <Field label="Environments">{describeValue('environmentIds', release.environmentIds, names)}</Field>
              <Field label="Window">
                <Text size="sm">{formatWindow(release.windowStart, release.windowEnd)}</Text>
                <Text size="xs" c="dimmed">
                  your time ({viewerTimeZone()})
                </Text>
                {release.timeZone !== viewerTimeZone() && (
                  <Text size="sm" mt={4}>
                    {describeWindowInZone(release.windowStart, release.windowEnd, release.timeZone)}
                  </Text>
                )}
              </Field>
              <Field label="Time zone">{release.timeZone}</Field>
              <Field label="Owner">{describeValue('ownerId', release.ownerId, names)}</Field>
              <Field label="Description">
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {release.description || '—'}
                </Text>
              </Field>
            </Table.Tbody>
          </Table>
          <Divider label="Readiness" labelPosition="left" />
          <ReleaseReadinessPanel releaseId={release.id} />
          <ReleaseOutcomePanel releaseId={release.id} />
          <Divider label="History" labelPosition="left" />
          <AuditHistory releaseId={release.id} />
        </Stack>
      )}
    </Drawer>
  );
}
