import { Button, Card, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconArrowBackUp, IconCheck, IconHandStop } from '@tabler/icons-react';
import type { ReadinessPolicy } from '../../../../electron/contract/entities';
import type { ReadinessStateView } from '../../../../electron/contract/readiness-entities';
import { formatInstant } from '../../shared/dates';
import { ReadinessStateBadge } from './ReadinessStateBadge';

export type SignoffIntent = 'assert' | 'halt' | 'withdraw';

interface Props {
  view: ReadinessStateView;
  policy: ReadinessPolicy;
  mayAct: boolean;
  /** Why the buttons are disabled: who may act instead. */
  whoMayAct: string;
  onAction(intent: SignoffIntent): void;
}

/** One readiness state: what it is, who said so, and the actions only its empowered role may take. */
export function ReadinessStateCard({ view, policy, mayAct, whoMayAct, onAction }: Props) {
  const button = (intent: SignoffIntent, label: string, icon: React.ReactNode, color: string, enabled: boolean) => {
    const control = (
      <Button size="xs" variant={intent === 'assert' ? 'filled' : 'light'} color={color} leftSection={icon} disabled={!enabled} onClick={() => onAction(intent)}>
        {label}
      </Button>
    );
    // A disabled button gets no pointer events, so the tooltip sits on a wrapper.
    return mayAct ? control : (
      <Tooltip label={whoMayAct} multiline maw={320} withArrow>
        <span>{control}</span>
      </Tooltip>
    );
  };
  const { checklist } = view;
  return (
    <Card withBorder radius="md" padding="sm" data-testid={`state-${view.state}`} aria-label={`${view.label} readiness`}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Group gap="xs">
            <Text fw={600}>{view.label}</Text>
            <Text size="sm" c="dimmed">
              {view.roleLabel}
            </Text>
          </Group>
          <ReadinessStateBadge state={view} policy={policy} />
          {view.note && (
            <Text size="xs" c={view.attention === 'warning' ? 'orange' : 'dimmed'} data-testid="state-note">
              {view.note}
            </Text>
          )}
          {view.by && view.at && (
            <Text size="xs" c="dimmed">
              {view.status === 'halted' ? 'Halted' : 'Asserted'} by {view.by.name}, {formatInstant(view.at)}
            </Text>
          )}
          {view.comment && (
            <Text size="sm" c={view.status === 'halted' ? 'red.8' : undefined} style={{ whiteSpace: 'pre-wrap' }}>
              {view.comment}
            </Text>
          )}
          {view.waivedIssues.length > 0 && <Text size="xs">Waived issues: {view.waivedIssues.join('; ')}</Text>}
          {checklist.total > 0 && (
            <Text size="xs" c={checklist.blocking.length ? 'orange' : 'dimmed'}>
              Checklist {checklist.done + checklist.waived}/{checklist.total}
              {checklist.blocking.length > 0 && ` · blocking: ${checklist.blocking.join('; ')}`}
            </Text>
          )}
        </Stack>
        <Group gap={6} wrap="nowrap">
          {button('assert', 'Assert', <IconCheck size={14} />, 'teal', mayAct && view.status !== 'asserted')}
          {button('halt', 'Halt', <IconHandStop size={14} />, 'red', mayAct && view.status !== 'halted')}
          {button('withdraw', 'Withdraw', <IconArrowBackUp size={14} />, 'gray', mayAct && view.status !== 'unasserted')}
        </Group>
      </Group>
    </Card>
  );
}
