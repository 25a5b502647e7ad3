import { Badge, Button, Group, Stack, Text, Timeline, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconArrowBackUp, IconCheck, IconDownload, IconUsersGroup, IconEdit, IconHandStop, IconListCheck, IconRosetteDiscountCheck, IconShieldOff } from '@tabler/icons-react';
import { useEffect } from 'react';
import type { ReleaseAuditEntry } from '../../../../electron/contract/readiness-entities';
import { formatInstant } from '../../shared/dates';
import { notifyFailed } from '../../shared/notify';
import { downloadFile } from './download-file';
import { useReadinessStore } from './readiness-store';

const ICONS: Record<ReleaseAuditEntry['kind'], { icon: typeof IconCheck; color: string }> = {
  assert: { icon: IconCheck, color: 'teal' },
  halt: { icon: IconHandStop, color: 'red' },
  withdraw: { icon: IconArrowBackUp, color: 'gray' },
  waiver: { icon: IconShieldOff, color: 'violet' },
  'waiver-lifted': { icon: IconShieldOff, color: 'gray' },
  tick: { icon: IconListCheck, color: 'blue' },
  untick: { icon: IconListCheck, color: 'gray' },
  checklist: { icon: IconListCheck, color: 'gray' },
  decision: { icon: IconUsersGroup, color: 'indigo' },
  'release-change': { icon: IconEdit, color: 'gray' },
  'step-execution': { icon: IconListCheck, color: 'cyan' },
};

/**
 * Whether a signed record verified: a small quiet mark when it did; when it did not, a red mark and the reason in
 * words, because such a record is kept but counts nowhere (not on the board, in the gate or the meeting).
 */
function VerificationMark({ entry }: { entry: ReleaseAuditEntry }) {
  const { status } = entry.verification;
  if (status === 'verified') {
    return (
      <Tooltip label={`Signature verified: signed on device ${entry.deviceId.slice(0, 8)} by a key enrolled for ${entry.who}.`} multiline maw={320} withArrow>
        <IconRosetteDiscountCheck size={15} color="var(--mantine-color-teal-6)" aria-label="Verified" role="img" data-testid="verified-mark" style={{ flexShrink: 0 }} />
      </Tooltip>
    );
  }
  if (status === 'unverified') {
    return (
      <Badge size="sm" color="red" variant="filled" radius="sm" leftSection={<IconAlertTriangle size={11} />} style={{ textTransform: 'none', flexShrink: 0 }} data-testid="unverified-mark">
        Unverified · not counted
      </Badge>
    );
  }
  return null;
}

/** The back-trace audit: who asserted, halted, withdrew, waived and ticked what, when, from which device. */
export function AuditTimeline({ releaseId }: { releaseId: string }) {
  const entries = useReadinessStore((s) => s.audits[releaseId]);
  const loadAudit = useReadinessStore((s) => s.loadAudit);
  const exportAudit = useReadinessStore((s) => s.exportAudit);
  useEffect(() => void loadAudit(releaseId), [releaseId, loadAudit]);

  const save = async (format: 'csv' | 'json') => {
    const result = await exportAudit(releaseId, format);
    if (result.ok) downloadFile(result.value);
    else notifyFailed('Could not export the audit', result.error.message);
  };

  return (
    <Stack gap="sm" data-testid="audit-timeline">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          Newest first. Kept forever: nothing here can be edited or deleted.
        </Text>
        <Group gap={6}>
          <Button size="compact-sm" variant="default" leftSection={<IconDownload size={14} />} onClick={() => save('csv')}>
            CSV
          </Button>
          <Button size="compact-sm" variant="default" leftSection={<IconDownload size={14} />} onClick={() => save('json')}>
            JSON
          </Button>
        </Group>
      </Group>
      {entries && entries.length === 0 && <Text size="sm">Nothing recorded yet.</Text>}
      <Timeline bulletSize={22} lineWidth={2}>
        {(entries ?? []).map((e) => {
          const { icon: Icon, color } = ICONS[e.kind];
          const unverified = e.verification.status === 'unverified';
          return (
            <Timeline.Item
              key={`${e.hlc}-${e.kind}-${e.what}`}
              bullet={<Icon size={13} />}
              color={unverified ? 'red' : color}
              data-testid="audit-entry"
              data-verification={e.verification.status}
              title={
                <Group gap={6} wrap="nowrap" align="center">
                  <Text size="sm" fw={500} td={unverified ? 'line-through' : undefined} c={unverified ? 'dimmed' : undefined}>
                    {e.what}
                  </Text>
                  <VerificationMark entry={e} />
                </Group>
              }
            >
              {unverified && (
                <Text size="sm" c="red" fw={500} data-testid="unverified-reason">
                  Not counted: {e.verification.reason ?? 'its signature could not be checked'}.
                </Text>
              )}
              {e.comment && (
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  “{e.comment}”
                </Text>
              )}
              {e.waivedIssues.length > 0 && <Text size="xs">Waived issues: {e.waivedIssues.join('; ')}</Text>}
              {e.evidence && <Text size="xs">Evidence: {e.evidence}</Text>}
              <Text size="xs" c="dimmed">
                {e.who}
                {e.member && ` (through team-server member ${e.member})`} · {formatInstant(e.at)} · device {e.deviceId.slice(0, 8)}
              </Text>
            </Timeline.Item>
          );
        })}
      </Timeline>
    </Stack>
  );
}
