import { Badge, Tooltip } from '@mantine/core';
import type { RunbookView } from '../../../../electron/contract/runbook-entities';

const GATE_LOOK = {
  go: { label: 'Gate: GO', color: 'teal' },
  halted: { label: 'Gate: HALTED', color: 'red' },
  pending: { label: 'Gate: PENDING', color: 'orange' },
} as const;

/** The readiness gate's answer (the pipeline's `gate`), with its lines on hover: who halted, what is missing. */
export function GateBadge({ gate, size = 'sm' }: { gate: NonNullable<RunbookView['release']>['gate']; size?: 'sm' | 'md' | 'lg' }) {
  const look = GATE_LOOK[gate.decision];
  return (
    <Tooltip label={gate.lines.map((l) => l.trim()).join('\n')} multiline maw={460} withArrow style={{ whiteSpace: 'pre-line' }}>
      <Badge size={size} color={look.color} variant="light" radius="sm" style={{ textTransform: 'none' }} data-testid="gate-badge">
        {look.label}
      </Badge>
    </Tooltip>
  );
}
