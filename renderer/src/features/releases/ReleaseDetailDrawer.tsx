import { Button, Divider, Drawer, Group, Stack, Table, Text } from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { useEffect, useMemo, type ReactNode } from 'react';
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
import { GateBadge } from '../readiness/GateBadge';
import { PlanningCollisions } from './PlanningCollisions';
import { useDrawerPlanning } from './planning-store';
import { StatusMismatches } from './StatusAgreement';
import { useWorkspaceStore } from '../workspace/workspace-store';
import { READINESS_POLICY_LABELS, READINESS_POLICY_RULES } from '../../../../electron/contract/entities';

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
  const update = useReleasesStore((s) => s.update);
  const check = useReleasesStore((s) => (selectedId ? s.checks[selectedId] : undefined));
  const loadChecks = useReleasesStore((s) => s.loadChecks);
  const names = useNameLookups();
  const policy = useWorkspaceStore((s) => s.info?.settings.readinessPolicy);
  const close = () => select(null);
  useEffect(() => {
    if (selectedId) void loadChecks([selectedId]);
  }, [selectedId, loadChecks]);
  // The release's own window, as it stands: its collisions now, and where the next free slot is.
  const draft = useMemo(
    () => (release ? { releaseId: release.id, windowStart: release.windowStart, windowEnd: release.windowEnd } : null),
    [release?.id, release?.windowStart, release?.windowEnd], // eslint-disable-line react-hooks/exhaustive-deps
  );

  const moveTo = async (windowStart: string, windowEnd: string) => {
    if (!release) return;
    const label = `${release.name} ${release.version}`;
    const before = { windowStart: release.windowStart, windowEnd: release.windowEnd };
    const result = await update(release.id, { windowStart, windowEnd });
    if (!result.ok) return notifyFailed(`Could not move ${label}`, result.error.message);
    notifyWithUndo('Release moved', `${label} now books ${formatWindow(windowStart, windowEnd)}.`, async () => {
      const back = await update(release.id, before);
      if (back.ok) notifySaved(`${label} is back at ${formatWindow(before.windowStart, before.windowEnd)}.`);
      else notifyFailed(`Could not move ${label} back`, back.error.message);
    });
  };

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
                <Stack gap={4}>
                  <StatusBadge status={release.status} />
                  <StatusMismatches mismatches={check?.mismatches ?? []} />
                </Stack>
              </Field>
              <Field label="Readiness gate">
                {check ? (
                  <Group gap="xs" wrap="nowrap" align="flex-start" data-testid="drawer-gate">
                    <div style={{ flex: 'none' }}>
                      <GateBadge decision={check.gate.decision} size="md" />
                    </div>
                    <Stack gap={2}>
                      <Text size="sm">{check.gate.summary}</Text>
                      {policy && (
                        <Text size="xs" c="dimmed">
                          Under the workspace&apos;s {READINESS_POLICY_LABELS[policy].toLowerCase()} policy: {READINESS_POLICY_RULES[policy]}.
                        </Text>
                      )}
                    </Stack>
                  </Group>
                ) : (
                  <Text size="sm" c="dimmed">
                    Asking the gate…
                  </Text>
                )}
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
          <PlanningCollisions
            draft={draft}
            missing="This release has no window to check."
            store={useDrawerPlanning}
            useSlotLabel="Move it there"
            onUseSlot={(start, end) => void moveTo(start, end)}
          />
          <Divider label="Readiness" labelPosition="left" />
          <ReleaseReadinessPanel releaseId={release.id} withGate={false} />
          <ReleaseOutcomePanel releaseId={release.id} />
          <Divider label="History" labelPosition="left" />
          <AuditHistory releaseId={release.id} />
        </Stack>
      )}
    </Drawer>
  );
}
