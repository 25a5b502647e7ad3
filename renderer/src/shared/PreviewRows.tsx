import { ScrollArea, Table } from '@mantine/core';
import type { ReactNode } from 'react';

/** The sentence above an import preview: every row ready, or how many are not (a file with any bad row imports nothing). */
export function previewSummary(invalid: number, rows: number): string {
  return invalid > 0
    ? `${invalid} of ${rows} rows have problems: fix the file and choose it again. Nothing is imported until every row is right.`
    : `All ${rows} rows are ready to import.`;
}

/** The rows of an import preview under a header that stays in view, scrolling inside the dialog. */
export function PreviewRows({ headers, testId, children }: { headers: readonly string[]; testId: string; children: ReactNode }) {
  return (
    <ScrollArea.Autosize mah={360}>
      <Table fz="xs" striped stickyHeader data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            {headers.map((h) => (
              <Table.Th key={h}>{h}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </ScrollArea.Autosize>
  );
}
