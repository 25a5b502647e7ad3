import { Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ReleaseStatus } from '../../../../electron/contract/entities';
import type { ReleaseStatusCheck } from '../../../../electron/contract/release-status-entities';
import { StatusBadge } from '../../shared/StatusBadge';

const GATE_WORDS = { go: 'Go', halted: 'Halted', pending: 'Pending' } as const;

/**
 * A release's status as the table shows it: the badge, and where status, gate and runbook disagree, the gate's (or
 * the runbook's) word beside it in amber, with the whole sentence on hover and for screen readers.
 */
export function StatusCell({ status, check }: { status: ReleaseStatus; check: ReleaseStatusCheck | undefined }) {
  const mismatches = check?.mismatches ?? [];
  if (mismatches.length === 0) return <StatusBadge status={status} />;
  const word = check!.gate.decision !== 'go' ? `gate: ${GATE_WORDS[check!.gate.decision]}` : `runbook: ${check!.execution?.phase.replace('-', ' ')}`;
  return (
    <Tooltip label={mismatches.join(' ')} multiline maw={380} withArrow>
      <Group gap={4} wrap="nowrap" data-testid="status-mismatch" aria-label={`${mismatches.join(' ')}`} tabIndex={0}>
        <StatusBadge status={status} />
        <IconAlertTriangle size={14} color="var(--mantine-color-orange-7)" style={{ flex: 'none' }} aria-hidden />
        <Text size="xs" c="orange" fw={600} truncate="end">
          {word}
        </Text>
      </Group>
    </Tooltip>
  );
}

/** The disagreements spelled out, one line each: under the status in the drawer and on the board. */
export function StatusMismatches({ mismatches }: { mismatches: readonly string[] }) {
  if (mismatches.length === 0) return null;
  return (
    <Stack gap={2} data-testid="status-mismatches">
      {mismatches.map((m) => (
        <Group key={m} gap={4} wrap="nowrap" align="flex-start">
          <IconAlertTriangle size={14} color="var(--mantine-color-orange-7)" style={{ flex: 'none', marginTop: 2 }} aria-hidden />
          <Text size="sm" c="orange">
            {m}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}
