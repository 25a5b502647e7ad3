import { Badge, Button, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { COLLISION_KIND_LABELS } from '../../../../electron/contract/calendar-entities';
import { MEETING_DECISION_LABELS, MEETING_DECISIONS, type AgendaItem, type MeetingDecisionKind } from '../../../../electron/contract/meetings-entities';
import { formatWindow } from '../../shared/dates';
import { GateBadge } from '../readiness/GateBadge';
import { ReadinessStateBadge } from '../readiness/ReadinessStateBadge';

const DECISION_COLORS: Record<MeetingDecisionKind, string> = { go: 'teal', hold: 'red', reschedule: 'yellow' };

/** The agenda: each release in range, its readiness and collisions, and the decision the meeting records on it. */
export function AgendaTable({ agenda, onDecide, cannotDecide }: { agenda: AgendaItem[]; onDecide(item: AgendaItem, decision: MeetingDecisionKind): void; cannotDecide: string | null }) {
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table verticalSpacing="sm" data-testid="agenda">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Release</Table.Th>
            <Table.Th>Readiness</Table.Th>
            <Table.Th>Collisions</Table.Th>
            <Table.Th w={280}>Decision</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {agenda.map((item) => (
            <Table.Tr key={item.release.id} aria-label={`${item.release.name} ${item.release.version}`} style={{ verticalAlign: 'top' }}>
              <Table.Td>
                <Text fw={600}>
                  {item.release.name} {item.release.version}
                </Text>
                <Text size="xs" c="dimmed">
                  {formatWindow(item.release.windowStart, item.release.windowEnd)}
                </Text>
                <Group mt={6} gap={6}>
                  <GateBadge decision={item.gate.decision} size="md" />
                </Group>
                {item.gate.unasserted.some((u) => u.attention === 'warning') && (
                  <Text size="xs" mt={4} c="orange.8">
                    Readiness deadline passed: {item.gate.unasserted.filter((u) => u.attention === 'warning').map((u) => u.label).join(', ')} not asserted
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Stack gap={4}>
                  {item.states.map((s) => (
                    <Group key={s.state} gap={6} wrap="nowrap">
                      <Text size="xs" w={86} c="dimmed">
                        {s.label}
                      </Text>
                      <ReadinessStateBadge state={s} policy={item.gate.policy} size="sm" />
                    </Group>
                  ))}
                </Stack>
              </Table.Td>
              <Table.Td>
                {item.collisions.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    None
                  </Text>
                ) : (
                  <Stack gap={4}>
                    {item.collisions.map((c) => (
                      <Tooltip key={c.key} label={c.sentence} multiline maw={420}>
                        <Badge color="orange" variant="light" radius="sm" leftSection={<IconAlertTriangle size={12} />} style={{ textTransform: 'none' }}>
                          {COLLISION_KIND_LABELS[c.kind]}
                        </Badge>
                      </Tooltip>
                    ))}
                  </Stack>
                )}
              </Table.Td>
              <Table.Td>
                <Group gap={4} mb={4}>
                  {MEETING_DECISIONS.map((d) => (
                    <Tooltip key={d} label={cannotDecide} disabled={!cannotDecide} multiline maw={360} withArrow>
                      {/* A disabled button gets no pointer events: the wrapper carries the tooltip's hover. */}
                      <span style={{ display: 'inline-flex' }}>
                        <Button
                          size="compact-sm"
                          color={DECISION_COLORS[d]}
                          variant={item.decision?.decision === d ? 'filled' : 'default'}
                          aria-pressed={item.decision?.decision === d}
                          disabled={cannotDecide !== null}
                          onClick={() => onDecide(item, d)}
                        >
                          {MEETING_DECISION_LABELS[d]}
                        </Button>
                      </span>
                    </Tooltip>
                  ))}
                </Group>
                {item.decision ? (
                  <Text size="xs" data-testid="decision-note">
                    <b>{MEETING_DECISION_LABELS[item.decision.decision]}</b> by {item.decision.by.name}
                    {item.decision.note && `: ${item.decision.note}`}
                  </Text>
                ) : (
                  <Text size="xs" c="dimmed">
                    Not decided yet
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
