import { Badge } from '@mantine/core';
import { IconClockHour4, IconHandStop, IconRocket } from '@tabler/icons-react';
import type { PresumptiveStatus } from '../../../../electron/contract/readiness-entities';

const LOOK: Record<PresumptiveStatus, { label: string; color: string; icon: typeof IconRocket }> = {
  go: { label: 'Go', color: 'teal', icon: IconRocket },
  halted: { label: 'Halted', color: 'red', icon: IconHandStop },
  pending: { label: 'Pending', color: 'yellow', icon: IconClockHour4 },
};

/** The release as a whole: presumed to go unless halted or still waiting for an assertion. */
export function PresumptiveBadge({ status, size = 'lg' }: { status: PresumptiveStatus; size?: 'md' | 'lg' }) {
  const { label, color, icon: Icon } = LOOK[status];
  return (
    <Badge color={color} variant="filled" size={size} radius="sm" leftSection={<Icon size={16} />} style={{ textTransform: 'none' }}>
      {label}
    </Badge>
  );
}
