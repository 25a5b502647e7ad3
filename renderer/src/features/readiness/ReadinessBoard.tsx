import { Group, List, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { COLLISION_KIND_LABELS, type Collision } from '../../../../electron/contract/calendar-entities';
import { READINESS_POLICY_LABELS } from '../../../../electron/contract/entities';
import { READINESS_STATE_LABELS, READINESS_STATES, type ReadinessBoardRow } from '../../../../electron/contract/readiness-entities';
import { formatInstant, formatWindow } from '../../shared/dates';
import { StatusBadge } from '../../shared/StatusBadge';
import { StatusMismatches } from '../releases/StatusAgreement';
import { GateBadge } from './GateBadge';
import { ReadinessStateBadge } from './ReadinessStateBadge';

interface Props {
  rows: ReadinessBoardRow[];
  collisions: Collision[];
  onOpen(releaseId: string): void;
}

function CollisionsCell({ collisions }: { collisions: Collision[] }) {
  if (collisions.length === 0) return <Text size="sm" c="dimmed">None</Text>;
  return (
    <Tooltip
      multiline
      maw={420}
      withArrow
      label={
        <List size="xs" spacing={4}>
          {collisions.map((c) => (
            <List.Item key={c.key}>{c.sentence}</List.Item>
          ))}
        </List>
      }
    >
      <Stack gap={2}>
        {[...new Set(collisions.map((c) => c.kind))].map((kind) => (
          <Group key={kind} gap={4} wrap="nowrap" c="orange">
            <IconAlertTriangle size={14} style={{ flexShrink: 0 }} />
            <Text size="sm" fw={500}>
              {COLLISION_KIND_LABELS[kind]} ({collisions.filter((c) => c.kind === kind).length})
            </Text>
          </Group>
        ))}
      </Stack>
    </Tooltip>
  );
}

/** Under the gate's badge: who halted, what is missing, or how many states are presumed ready and how many are late. */
function GateDetail({ gate }: { gate: ReadinessBoardRow['gate'] }) {
  if (gate.decision === 'halted') {
    const text = gate.halts.length > 0 ? gate.halts.map((h) => `${h.label}: ${h.by.name}`).join('; ') : gate.summary.replace(/^Halted: /, '');
    return <Text size="sm" mt={4} c="dimmed" lineClamp={3}>{text}</Text>;
  }
  if (gate.decision === 'pending') {
    return <Text size="sm" mt={4} c="dimmed" lineClamp={3}>Missing: {gate.unasserted.map((u) => u.label).join(', ')}</Text>;
  }
  if (gate.unasserted.length === 0) return null;
  const late = gate.unasserted.filter((u) => u.attention === 'warning').length;
  return (
    <Text size="sm" mt={4} c={late > 0 ? 'orange' : 'dimmed'}>
      {gate.unasserted.length} presumed ready{late > 0 ? `, ${late} past the deadline` : ''}
    </Text>
  );
}

/**
 * The screen the coordinator shares in the meeting: one row per release, one column per readiness state. A halt
 * shows who and why right in its cell, so nobody has to hover to learn why a release stops; an unasserted state
 * reads as the workspace policy says (presumed ready, or pending), calm until the readiness deadline, amber after.
 */
export function ReadinessBoard({ rows, collisions, onOpen }: Props) {
  const policy = rows[0]?.gate.policy;
  return (
    <Table.ScrollContainer minWidth={1100}>
      <Table verticalSpacing="sm" horizontalSpacing="sm" highlightOnHover stickyHeader data-testid="readiness-board" fz="md">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={200}>Release</Table.Th>
            {READINESS_STATES.map((s) => (
              <Table.Th key={s}>{READINESS_STATE_LABELS[s]}</Table.Th>
            ))}
            <Table.Th w={150}>
              Gate&apos;s answer
              {policy && (
                <Text size="xs" c="dimmed" fw={400}>
                  under {READINESS_POLICY_LABELS[policy].toLowerCase()}
                </Text>
              )}
            </Table.Th>
            <Table.Th w={140}>Collisions</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => {
            const mine = collisions.filter((c) => c.releaseIds.includes(row.release.id));
            const label = `${row.release.name} ${row.release.version}`;
            return (
              <Table.Tr
                key={row.release.id}
                onClick={() => onOpen(row.release.id)}
                onKeyDown={(e) => e.key === 'Enter' && onOpen(row.release.id)}
                tabIndex={0}
                style={{ cursor: 'pointer' }}
                aria-label={label}
                data-testid={`board-row-${row.release.id}`}
              >
                <Table.Td>
                  <Text fw={600}>{label}</Text>
                  <Text size="sm" c="dimmed">
                    {formatWindow(row.release.windowStart, row.release.windowEnd)}
                  </Text>
                  <Group gap={4} mt={4}>
                    <StatusBadge status={row.release.status} />
                  </Group>
                  <StatusMismatches mismatches={row.mismatches} />
                  {row.gate.unasserted.length > 0 && (
                    <Text size="xs" c={row.deadline.passed ? 'orange' : 'dimmed'} data-testid="readiness-due">
                      {row.deadline.passed ? 'Readiness deadline passed' : 'Readiness due'} {formatInstant(row.deadline.at)}
                    </Text>
                  )}
                </Table.Td>
                {row.states.map((state) => (
                  <Table.Td key={state.state} data-testid={`cell-${state.state}`} style={{ verticalAlign: 'top' }}>
                    <ReadinessStateBadge state={state} policy={row.gate.policy} size="md" withName={false} />
                    {state.status === 'unasserted' && (
                      <Text size="xs" mt={4} c={state.attention === 'warning' ? 'orange' : 'dimmed'}>
                        not asserted
                      </Text>
                    )}
                    {state.by && state.status !== 'unasserted' && (
                      <Text size="sm" mt={4}>
                        by {state.by.name}
                      </Text>
                    )}
                    {state.status === 'halted' && state.comment && (
                      <Text size="sm" c="red" mt={4} lineClamp={3} title={state.comment}>
                        {state.comment}
                      </Text>
                    )}
                  </Table.Td>
                ))}
                <Table.Td style={{ verticalAlign: 'top' }} data-testid="gate">
                  <Group gap="xs" wrap="nowrap" align="flex-start">
                    <GateBadge decision={row.gate.decision} />
                  </Group>
                  <GateDetail gate={row.gate} />
                </Table.Td>
                <Table.Td style={{ verticalAlign: 'top' }}>
                  <CollisionsCell collisions={mine} />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
