import { Badge, Tooltip } from '@mantine/core';
import type { RunbookView } from '../../../../electron/contract/runbook-entities';

const GATE_LOOK = {
  go: { label: 'Gate: GO', color: 'teal' },
  halted: { label: 'Gate: HALTED', color: 'red' },
  pending: { label: 'Gate: PENDING', color: 'orange' },
} as const;

/**
 * The readiness gate's answer (the pipeline's `gate`), with its lines on hover: who halted, what is missing. `long`
 * says "Readiness gate: …" where the badge stands alone, as in the execution header.
 */
export function GateBadge({ gate, size = 'sm', long = false }: { gate: NonNullable<RunbookView['release']>['gate']; size?: 'xs' | 'sm' | 'md' | 'lg'; long?: boolean }) {
  const look = GATE_LOOK[gate.decision];
  return (
    <Tooltip label={gate.lines.map((l) => l.trim()).join('\n')} multiline maw={460} withArrow style={{ whiteSpace: 'pre-line' }}>
      <Badge size={size} style={{ textTransform: 'none', flexShrink: 0 }} color={look.color} variant="light" radius="sm" data-testid="gate-badge">
        {long ? `Readiness g${look.label.slice(1)}` : look.label}
      </Badge>
    </Tooltip>
  );
}
