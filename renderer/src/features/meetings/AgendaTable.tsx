import { Button, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { COLLISION_KIND_LABELS } from '../../../../electron/contract/calendar-entities';
import { MEETING_DECISION_LABELS, MEETING_DECISIONS, type AgendaItem, type MeetingDecisionKind } from '../../../../electron/contract/meetings-entities';
import { formatWindow } from '../../shared/dates';
import { CollisionSentence } from '../calendar/CollisionSentence';
import { GateBadge } from '../readiness/GateBadge';
import { ReadinessStateBadge } from '../readiness/ReadinessStateBadge';
import { StatusMismatches } from '../releases/StatusAgreement';
import { useNameLookups } from '../workspace/use-name-lookups';

const DECISION_COLORS: Record<MeetingDecisionKind, string> = { go: 'teal', hold: 'red', reschedule: 'yellow' };

/**
 * The agenda: each release in range, its readiness and collisions, and the decision the meeting records on it. Who
 * halted and why, and what each collision is, are written out and wrap: nothing on the agenda is cut short.
 */
export function AgendaTable({ agenda, onDecide, cannotDecide }: { agenda: AgendaItem[]; onDecide(item: AgendaItem, decision: MeetingDecisionKind): void; cannotDecide: string | null }) {
  const names = useNameLookups();
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
                <StatusMismatches mismatches={item.mismatches} />
                {item.gate.unasserted.some((u) => u.attention === 'warning') && (
                  <Text size="xs" mt={4} c="orange">
                    Readiness deadline passed: {item.gate.unasserted.filter((u) => u.attention === 'warning').map((u) => u.label).join(', ')} not asserted
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Stack gap={6}>
                  {item.states.map((s) => (
                    <div key={s.state} data-testid={`agenda-state-${s.state}`}>
                      <Group gap={6} wrap="nowrap" align="flex-start">
                        <Text size="xs" w={86} c="dimmed" style={{ flex: 'none' }}>
                          {s.label}
                        </Text>
                        <ReadinessStateBadge state={s} policy={item.gate.policy} size="sm" withName={false} />
                      </Group>
                      {s.status !== 'unasserted' && s.by && (
                        <Text size="xs" ml={92} c={s.status === 'halted' ? 'red.8' : undefined} style={{ overflowWrap: 'anywhere' }}>
                          by {s.by.name}
                          {s.status === 'halted' && s.comment ? `: ${s.comment}` : ''}
                        </Text>
                      )}
                    </div>
                  ))}
                </Stack>
              </Table.Td>
              <Table.Td>
                {item.collisions.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    None
                  </Text>
                ) : (
                  <Stack gap={6}>
                    {item.collisions.map((c) => (
                      <div key={c.key} data-testid="agenda-collision">
                        <Group gap={4} wrap="nowrap" align="flex-start" c={c.accepted ? 'dimmed' : 'orange'}>
                          <IconAlertTriangle size={14} style={{ flex: 'none', marginTop: 2 }} />
                          <Text size="sm" fw={600}>
                            {c.accepted ? 'Accepted: ' : ''}
                            {COLLISION_KIND_LABELS[c.kind]}
                            {c.environmentIds.length > 0 && ` · ${c.environmentIds.map((id) => names.environments.get(id) ?? id).join(', ')}`}
                          </Text>
                        </Group>
                        <CollisionSentence collision={c} size="xs" c="dimmed" ml={18} />
                      </div>
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
