import { Text } from '@mantine/core';
import { createColumnHelper } from '@tanstack/react-table';
import { RELEASE_STATUSES } from '../../../../electron/contract/entities';
import { describeWindowInZone, formatWindow } from '../../shared/dates';
import { StatusCell } from './StatusAgreement';
import type { ReleaseRow } from './release-rows';

const column = createColumnHelper<ReleaseRow>();

/** Cells truncate with the full text on hover, so long system lists never change a row's height. */
const Truncated = ({ text, title }: { text: string; title?: string }) => (
  <Text size="sm" truncate="end" title={title ?? text}>
    {text || '—'}
  </Text>
);

/** Widths for the CSS grid the header and the virtual rows share. */
export const COLUMN_TEMPLATE = 'minmax(160px,2fr) minmax(80px,0.7fr) 190px minmax(120px,1.3fr) minmax(120px,1.3fr) minmax(250px,2fr) minmax(110px,1fr)';

export const releaseColumns = [
  column.accessor((r) => r.release.name, {
    id: 'name',
    header: 'Name',
    cell: (c) => (
      <Text size="sm" fw={500} truncate="end" title={c.getValue()}>
        {c.getValue()}
      </Text>
    ),
  }),
  column.accessor((r) => r.release.version, {
    id: 'version',
    header: 'Version',
    // "2.10.0" after "2.9.0": versions sort like numbers where they are numbers.
    sortingFn: (a, b) => a.original.release.version.localeCompare(b.original.release.version, undefined, { numeric: true }),
    cell: (c) => <Truncated text={c.getValue()} />,
  }),
  column.accessor((r) => RELEASE_STATUSES.indexOf(r.release.status), {
    id: 'status',
    header: 'Status',
    cell: (c) => <StatusCell status={c.row.original.release.status} check={c.row.original.check} />,
  }),
  column.accessor('systems', { header: 'Systems', cell: (c) => <Truncated text={c.getValue()} /> }),
  column.accessor('environments', { header: 'Environments', cell: (c) => <Truncated text={c.getValue()} /> }),
  column.accessor((r) => r.release.windowStart, {
    id: 'window',
    header: 'Window (your time)',
    cell: (c) => {
      const { windowStart, windowEnd, timeZone } = c.row.original.release;
      return <Truncated text={formatWindow(windowStart, windowEnd)} title={`Planned in ${describeWindowInZone(windowStart, windowEnd, timeZone)}`} />;
    },
  }),
  column.accessor('owner', { header: 'Owner', cell: (c) => <Truncated text={c.getValue()} /> }),
];
