import { Badge, Card, SegmentedControl, Group, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { BreakdownRow, MetricsView, PerformanceBand } from '../../../../electron/contract/outcomes-entities';
import { BAND_COLORS, BAND_LABELS, formatHours, formatRate } from './metric-format';

const VIEWS = [
  { value: 'bySystem', label: 'By system' },
  { value: 'byTeam', label: 'By team (release owner)' },
  { value: 'byEnvironment', label: 'By environment' },
] as const;
type Breakdown = (typeof VIEWS)[number]['value'];

function Band({ band }: { band: PerformanceBand | null }) {
  return band === null ? <Text span c="dimmed">—</Text> : <Badge size="xs" variant="light" color={BAND_COLORS[band]}>{BAND_LABELS[band]}</Badge>;
}

/** The same four keys per system, team or environment, for the period. */
export function BreakdownTable({ view }: { view: MetricsView }) {
  const [by, setBy] = useState<Breakdown>('bySystem');
  const rows: BreakdownRow[] = view[by];
  return (
    <Card withBorder radius="md" padding="md">
      <Group justify="space-between" mb="xs">
        <Text fw={600} size="sm">
          Breakdown
        </Text>
        <SegmentedControl size="xs" value={by} onChange={(v) => setBy(v as Breakdown)} data={VIEWS.map((v) => ({ ...v }))} />
      </Group>
      <Table fz="sm" verticalSpacing={4} striped highlightOnHover data-testid="metrics-breakdown">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{VIEWS.find((v) => v.value === by)!.label.replace('By ', '').replace(/^./, (c) => c.toUpperCase())}</Table.Th>
            <Table.Th ta="right">Deploys / week</Table.Th>
            <Table.Th />
            <Table.Th ta="right">Lead time</Table.Th>
            <Table.Th />
            <Table.Th ta="right">Failure rate</Table.Th>
            <Table.Th />
            <Table.Th ta="right">Recovery time</Table.Th>
            <Table.Th />
            <Table.Th ta="right">Rework</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map(({ id, name, summary: s }) => (
            <Table.Tr key={id}>
              <Table.Td>{name}</Table.Td>
              <Table.Td ta="right">{s.deploymentFrequency.perWeek}</Table.Td>
              <Table.Td><Band band={s.deploymentFrequency.band} /></Table.Td>
              <Table.Td ta="right">{formatHours(s.leadTime.medianHours)}</Table.Td>
              <Table.Td><Band band={s.leadTime.band} /></Table.Td>
              <Table.Td ta="right">{formatRate(s.changeFailureRate.rate)}</Table.Td>
              <Table.Td><Band band={s.changeFailureRate.band} /></Table.Td>
              <Table.Td ta="right">{formatHours(s.failedDeploymentRecoveryTime.medianHours)}</Table.Td>
              <Table.Td><Band band={s.failedDeploymentRecoveryTime.band} /></Table.Td>
              <Table.Td ta="right">{formatRate(s.reworkRate.rate)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}
