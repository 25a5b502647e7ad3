import { Badge, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconCircleDashedCheck, IconClockHour4, IconHandStop } from '@tabler/icons-react';
import type { ReadinessPolicy } from '../../../../electron/contract/entities';
import type { ReadinessAttention, ReadinessStatus } from '../../../../electron/contract/readiness-entities';

/**
 * Colour helps scanning from across the room; the icon and the word (the core's, under the workspace policy) carry
 * the meaning. An unasserted state is calm (outline) until its deadline passes, then amber.
 */
type Look = 'asserted' | 'halted' | 'presumed' | 'pending' | 'warning';
const LOOK: Record<Look, { color: string; icon: typeof IconCircleCheck; variant: 'light' | 'outline' }> = {
  asserted: { color: 'teal', icon: IconCircleCheck, variant: 'light' },
  halted: { color: 'red', icon: IconHandStop, variant: 'light' },
  presumed: { color: 'gray', icon: IconCircleDashedCheck, variant: 'outline' },
  pending: { color: 'gray', icon: IconClockHour4, variant: 'outline' },
  warning: { color: 'orange', icon: IconAlertTriangle, variant: 'light' },
};

export interface BadgeState {
  status: ReadinessStatus;
  word: string;
  attention: ReadinessAttention;
  by: { name: string } | null;
  comment: string;
  note: string;
}

function lookOf(state: BadgeState, policy: ReadinessPolicy): Look {
  if (state.status !== 'unasserted') return state.status;
  if (state.attention === 'warning') return 'warning';
  return policy === 'presumptive' ? 'presumed' : 'pending';
}

interface Props {
  state: BadgeState;
  policy: ReadinessPolicy;
  size?: 'sm' | 'md' | 'lg';
  /** Show who asserted or halted, inside the badge. */
  withName?: boolean;
}

export function ReadinessStateBadge({ state, policy, size = 'md', withName = true }: Props) {
  const look = LOOK[lookOf(state, policy)];
  const Icon = look.icon;
  const who = withName && state.by && state.status !== 'unasserted' ? ` · ${state.by.name}` : '';
  const badge = (
    <Badge
      color={look.color}
      variant={look.variant}
      size={size}
      radius="sm"
      leftSection={<Icon size={size === 'lg' ? 16 : 14} />}
      style={{ textTransform: 'none', maxWidth: '100%' }}
    >
      {state.word}
      {who}
    </Badge>
  );
  const tip = state.comment || state.note;
  return tip ? (
    <Tooltip label={tip} multiline maw={360} withArrow>
      {badge}
    </Tooltip>
  ) : (
    badge
  );
}
