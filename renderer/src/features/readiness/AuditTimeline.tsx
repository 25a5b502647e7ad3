import { Button, Group, Stack, Text, Timeline } from '@mantine/core';
import { IconArrowBackUp, IconCheck, IconDownload, IconUsersGroup, IconEdit, IconHandStop, IconListCheck, IconShieldOff } from '@tabler/icons-react';
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
          return (
            <Timeline.Item key={`${e.hlc}-${e.kind}-${e.what}`} bullet={<Icon size={13} />} color={color} title={<Text size="sm" fw={500}>{e.what}</Text>}>
              {e.comment && (
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  “{e.comment}”
                </Text>
              )}
              {e.waivedIssues.length > 0 && <Text size="xs">Waived issues: {e.waivedIssues.join('; ')}</Text>}
              {e.evidence && <Text size="xs">Evidence: {e.evidence}</Text>}
              <Text size="xs" c="dimmed">
                {e.who} · {formatInstant(e.at)} · device {e.deviceId.slice(0, 8)}
              </Text>
            </Timeline.Item>
          );
        })}
      </Timeline>
    </Stack>
  );
}
