import { BarChart, LineChart } from '@mantine/charts';
import { Card, ScrollArea, Table, Text } from '@mantine/core';
import { useId } from 'react';

export interface TrendColumn {
  key: string;
  label: string;
  format: (value: number | null) => string;
}

interface TrendChartProps {
  title: string;
  kind: 'bar' | 'line';
  rows: Array<Record<string, string | number | null>>;
  /** The first column is charted; all of them are shown in the table beneath. */
  columns: readonly TrendColumn[];
  color: string;
  /** Axis and tooltip labels, when they must be shorter than the table's. */
  axisFormat?: (value: number) => string;
}

/** One trend: a chart, and the same figures in a table beneath it for reading exact values (and for screen readers). */
export function TrendChart({ title, kind, rows, columns, color, axisFormat }: TrendChartProps) {
  const [charted] = columns;
  const series = [{ name: charted.key, label: charted.label, color }];
  const tableId = useId();
  const common = { h: 180, data: rows, dataKey: 'label', series, valueFormatter: axisFormat ?? ((v: number) => charted.format(v)), withLegend: false };
  return (
    <Card withBorder radius="md" padding="md" data-testid={`trend-${title}`}>
      <Text fw={600} size="sm" mb="xs">
        {title}
      </Text>
      {/* To a screen reader the chart is one picture whose figures are the table beneath (WCAG 1.1.1). */}
      <div role="img" aria-label={`${title}: chart`} aria-describedby={tableId}>
        {kind === 'bar' ? <BarChart {...common} /> : <LineChart {...common} connectNulls curveType="linear" />}
      </div>
      <ScrollArea mt="sm">
        <Table fz="xs" verticalSpacing={2} striped withTableBorder id={tableId} aria-label={`${title}: figures`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Period</Table.Th>
              {columns.map((c) => (
                <Table.Th key={c.key} ta="right">
                  {c.label}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={String(row.start)}>
                <Table.Td>{row.label}</Table.Td>
                {columns.map((c) => (
                  <Table.Td key={c.key} ta="right">
                    {c.format(row[c.key] as number | null)}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
    </Card>
  );
}
