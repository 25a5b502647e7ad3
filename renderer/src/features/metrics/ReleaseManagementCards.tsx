import { Badge, Button, Collapse, Group, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { useState } from 'react';
import { READINESS_STATE_LABELS, READINESS_STATES } from '../../../../electron/contract/readiness-entities';
import type { ReleaseManagementSummary } from '../../../../electron/contract/outcomes-entities';
import { formatInstant } from '../../shared/dates';
import { FigureCard } from './MetricCards';
import { formatHours, formatRate } from './metric-format';

const OUTCOME_LABELS: Record<ReleaseManagementSummary['outcomes'][number]['outcome'], { label: string; color: string }> = {
  released: { label: 'Released', color: 'green' },
  'rolled-back': { label: 'Rolled back', color: 'red' },
  aborted: { label: 'Aborted', color: 'yellow' },
  failed: { label: 'Failed', color: 'red' },
};
const SOURCE_LABELS = { runbook: 'its runbook', deployment: 'its production deployment', status: 'its status' } as const;

const Figure = ({ testId, ...figure }: { title: string; value: string; detail: string; testId: string }) => <FigureCard {...figure} testId={`release-figure-${testId}`} />;

const minutes = (m: number | null) => formatHours(m === null ? null : m / 60);
const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * What a release manager reports beside DORA, for the same period and in the same local days: on time, no-gos,
 * aborts, rollbacks, runbook time against the plan, halts by readiness state, collisions accepted; and the releases
 * behind the figures, one click away.
 */
export function ReleaseManagementCards({ figures }: { figures: ReleaseManagementSummary }) {
  const [listed, setListed] = useState(false);
  const { onTime, runbookDuration: run, haltsByState } = figures;
  const halts = READINESS_STATES.reduce((n, s) => n + haltsByState[s], 0);
  return (
    <section aria-labelledby="release-management-title" data-testid="release-management">
      <Title order={2} fz="h4" id="release-management-title" mb="sm">
        Release management
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md">
        <Figure
          testId="on-time"
          title="On time"
          value={formatRate(onTime.rate)}
          detail={onTime.finished === 0 ? 'No release was released in this period' : `${onTime.onTime} of ${onTime.finished} released releases finished inside their window`}
        />
        <Figure
          testId="no-gos"
          title="No-gos, aborts, rollbacks"
          value={`${figures.noGos} · ${figures.aborts} · ${figures.rollbacks}`}
          detail={`${count(figures.noGos, 'no-go', 'no-gos')} decided in runbooks; ${count(figures.aborts, 'release', 'releases')} aborted (nothing deployed), ${count(figures.rollbacks, 'release', 'releases')} rolled back`}
        />
        <Figure
          testId="runbook-time"
          title="Runbook time, actual against planned"
          value={run.runs === 0 ? '—' : `${minutes(run.actualMinutesMedian)} / ${minutes(run.plannedMinutesMedian)}`}
          detail={run.runs === 0 ? 'No runbook execution ended in this period' : `medians over ${count(run.runs, 'run', 'runs')}; ${run.overran} took longer than planned`}
        />
        <Figure
          testId="halts"
          title="Halts · collisions accepted"
          value={`${halts} · ${figures.collisionsAccepted}`}
          detail={`Halts: ${READINESS_STATES.map((s) => `${READINESS_STATE_LABELS[s]} ${haltsByState[s]}`).join(', ')}. ${count(figures.collisionsAccepted, 'collision', 'collisions')} accepted with a reason.`}
        />
      </SimpleGrid>
      {figures.outcomes.length > 0 && (
        <>
          <Button
            variant="subtle"
            size="compact-sm"
            mt="xs"
            leftSection={listed ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />}
            onClick={() => setListed(!listed)}
            aria-expanded={listed}
          >
            {listed ? 'Hide' : 'Show'} the {count(figures.outcomes.length, 'release', 'releases')} that ended in this period
          </Button>
          <Collapse expanded={listed}>
            <Table mt="xs" verticalSpacing={4} data-testid="release-outcomes">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Release</Table.Th>
                  <Table.Th>Ended</Table.Th>
                  <Table.Th>At (your time)</Table.Th>
                  <Table.Th>Inside its window</Table.Th>
                  <Table.Th>Read from</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {figures.outcomes.map((o) => (
                  <Table.Tr key={o.releaseId}>
                    <Table.Td>{o.label}</Table.Td>
                    <Table.Td>
                      <Badge size="sm" radius="sm" variant="light" color={OUTCOME_LABELS[o.outcome].color} style={{ textTransform: 'none' }}>
                        {OUTCOME_LABELS[o.outcome].label}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{formatInstant(o.at)}</Table.Td>
                    <Table.Td>{o.onTime === null ? '—' : o.onTime ? 'Yes' : 'No: outside its window'}</Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        <Text size="sm">{SOURCE_LABELS[o.source]}</Text>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Collapse>
        </>
      )}
    </section>
  );
}
