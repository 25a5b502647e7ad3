import { Badge, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconClockHour4, IconHandStop } from '@tabler/icons-react';
import type { ReadinessStatus } from '../../../../electron/contract/readiness-entities';

export type ReadinessLook = ReadinessStatus | 'overdue';

/** Colour helps scanning from across the room; the icon and the word carry the meaning. */
export const READINESS_LOOK: Record<ReadinessLook, { label: string; color: string; icon: typeof IconCircleCheck }> = {
  asserted: { label: 'Asserted', color: 'teal', icon: IconCircleCheck },
  halted: { label: 'Halted', color: 'red', icon: IconHandStop },
  pending: { label: 'Pending', color: 'gray', icon: IconClockHour4 },
  overdue: { label: 'Overdue', color: 'orange', icon: IconAlertTriangle },
};

export const lookOf = (state: { status: ReadinessStatus; overdue: boolean }): ReadinessLook =>
  state.status === 'pending' && state.overdue ? 'overdue' : state.status;

interface Props {
  state: { status: ReadinessStatus; overdue: boolean; by: { name: string } | null; comment: string };
  size?: 'sm' | 'md' | 'lg';
  /** Show who asserted or halted, inside the badge. */
  withName?: boolean;
}

export function ReadinessStateBadge({ state, size = 'md', withName = true }: Props) {
  const look = READINESS_LOOK[lookOf(state)];
  const Icon = look.icon;
  const who = withName && state.by && state.status !== 'pending' ? ` · ${state.by.name}` : '';
  const badge = (
    <Badge
      color={look.color}
      variant={state.status === 'pending' && !state.overdue ? 'outline' : 'light'}
      size={size}
      radius="sm"
      leftSection={<Icon size={size === 'lg' ? 16 : 14} />}
      style={{ textTransform: 'none', maxWidth: '100%' }}
    >
      {look.label}
      {who}
    </Badge>
  );
  return state.comment ? (
    <Tooltip label={state.comment} multiline maw={360} withArrow>
      {badge}
    </Tooltip>
  ) : (
    badge
  );
}
