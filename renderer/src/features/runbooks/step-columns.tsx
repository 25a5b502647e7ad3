import { Group, Text } from '@mantine/core';
import { IconPin } from '@tabler/icons-react';
import { createColumnHelper } from '@tanstack/react-table';
import type { StepView } from '../../../../electron/contract/runbook-entities';
import { formatDuration } from './duration';
import { SlackMarker, StepKindLabel, StepStatusBadge } from './StepBadges';
import type { TimeFormat } from './step-times';

export interface StepRow {
  step: StepView;
  number: number;
  owner: string;
  dependsOn: string;
}

const column = createColumnHelper<StepRow>();

/**
 * Widths for the CSS grid the header and the virtual rows share. The section is the group heading above its rows
 * rather than a column: a column would repeat the heading on every row and take the title's room.
 */
export const STEP_COLUMN_TEMPLATE = '28px minmax(180px,3fr) minmax(100px,1.2fr) 92px 78px 80px 64px 100px 88px';

const Cell = ({ text, title, dimmed }: { text: string; title?: string; dimmed?: boolean }) => (
  <Text size="sm" truncate="end" title={title ?? text} c={dimmed || !text ? 'dimmed' : undefined}>
    {text || '—'}
  </Text>
);

export function stepColumns(format: TimeFormat) {
  return [
    column.accessor('number', { header: '#', cell: (c) => <Cell text={String(c.getValue())} dimmed /> }),
    column.accessor((r) => r.step.title, {
      id: 'title',
      header: 'Title',
      cell: (c) => (
        <Group gap={6} wrap="nowrap">
          <Text size="sm" fw={500} truncate="end" title={c.getValue()}>
            {c.getValue()}
          </Text>
          {c.row.original.step.fixedStartOffsetMinutes !== null && (
            <IconPin size={13} stroke={1.6} style={{ flexShrink: 0, opacity: 0.6 }} aria-label="Fixed start" />
          )}
        </Group>
      ),
    }),
    column.accessor('owner', { header: 'Owner', cell: (c) => <Cell text={c.getValue()} /> }),
    column.accessor((r) => r.step.kind, { id: 'kind', header: 'Kind', cell: (c) => <StepKindLabel kind={c.getValue()} /> }),
    column.accessor((r) => r.step.plannedStart, {
      id: 'start',
      header: 'Start',
      cell: (c) => <Cell text={format.short(c.getValue())} title={`Planned start: ${format.inReleaseZone(c.getValue())}`} />,
    }),
    column.accessor((r) => r.step.durationMinutes, { id: 'duration', header: 'Duration', cell: (c) => <Cell text={formatDuration(c.getValue())} /> }),
    column.accessor('dependsOn', { header: 'After', cell: (c) => <Cell text={c.getValue()} title={c.getValue() ? `After steps ${c.getValue()}` : 'No dependencies'} /> }),
    column.display({ id: 'slack', header: 'Path', cell: (c) => <SlackMarker step={c.row.original.step} /> }),
    column.accessor((r) => r.step.status, { id: 'status', header: 'Status', cell: (c) => (format.template ? <Cell text="" /> : <StepStatusBadge status={c.getValue()} />) }),
  ];
}
