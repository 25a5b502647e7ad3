import { Badge } from '@mantine/core';
import { IconClockHour4, IconHandStop, IconRocket } from '@tabler/icons-react';
import type { GateDecision } from '../../../../electron/contract/readiness-entities';

const LOOK: Record<GateDecision, { label: string; color: string; icon: typeof IconRocket }> = {
  go: { label: 'Go', color: 'teal', icon: IconRocket },
  halted: { label: 'Halted', color: 'red', icon: IconHandStop },
  pending: { label: 'Pending', color: 'yellow', icon: IconClockHour4 },
};

/** The gate's answer for the release as a whole, under the workspace's readiness policy. */
export function GateBadge({ decision, size = 'lg' }: { decision: GateDecision; size?: 'md' | 'lg' }) {
  const { label, color, icon: Icon } = LOOK[decision];
  return (
    <Badge color={color} variant="filled" size={size} radius="sm" leftSection={<Icon size={16} />} style={{ textTransform: 'none' }}>
      {label}
    </Badge>
  );
}
