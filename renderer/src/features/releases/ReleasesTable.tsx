import { Text } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react';
import {
  flexRender,
  getCoreRowModel,
  getFilteredRowModel,
  getSortedRowModel,
  useReactTable,
  type FilterFn,
  type Row,
  type SortingState,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import type { Environment } from '../../../../electron/contract/entities';
import { formatInstant } from '../../shared/dates';
import { COLUMN_TEMPLATE, releaseColumns } from './release-columns';
import { groupRows, matchesSearch, todayIndex, type DisplayItem, type ReleaseRow } from './release-rows';
import { useReleasesViewStore, type ReleaseGrouping } from './releases-view-store';
import classes from './ReleasesTable.module.css';

const ROW_HEIGHT = 40;
const GROUP_HEIGHT = 32;
const TODAY_HEIGHT = 28;
/** The sticky header sits above the rows inside the same scroller; the virtualizer must know rows start below it. */
const HEADER_HEIGHT = 36;
export const RENDERED_MARK = 'release-desk:releases-rendered';

const searchFilter: FilterFn<ReleaseRow> = (row, _columnId, search: string) => matchesSearch(row.original, search);

interface ReleasesTableProps {
  rows: ReleaseRow[];
  search: string;
  grouping: ReleaseGrouping;
  environments: readonly Environment[];
  selectedId: string | null;
  onOpen(releaseId: string): void;
  /** Told how many releases are shown after search and filters. */
  onCountChange(count: number): void;
}

/** Marks the first paint of rows once per page load: the benchmark measures time to it. */
let renderedMarked = false;

export function ReleasesTable({ rows, search, grouping, environments, selectedId, onOpen, onCountChange }: ReleasesTableProps) {
  const [sorting, setSorting] = useState<SortingState>([]);
  const table = useReactTable({
    data: rows,
    columns: releaseColumns,
    state: { sorting, globalFilter: search },
    onSortingChange: setSorting,
    globalFilterFn: searchFilter,
    getColumnCanGlobalFilter: () => true,
    getCoreRowModel: getCoreRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
    getSortedRowModel: getSortedRowModel(),
  });
  const visibleRows = table.getRowModel().rows;
  // In window order (no grouping, no other sort) a line marks today: past releases above it, coming ones below.
  const chronological = grouping === 'none' && sorting.length === 0;
  const items = useMemo(() => {
    const listed: DisplayItem<Row<ReleaseRow>>[] = groupRows<Row<ReleaseRow>>(visibleRows, (row) => row.original.release, grouping, environments);
    if (!chronological) return listed;
    const at = todayIndex(visibleRows.map((r) => r.original.release));
    listed.splice(at, 0, { kind: 'today', key: 'today', label: `Today · ${formatInstant(new Date().toISOString()).slice(0, -7)}` });
    return listed;
  }, [visibleRows, grouping, environments, chronological]);
  const todayAt = items.findIndex((i) => i.kind === 'today');

  useEffect(() => onCountChange(visibleRows.length), [visibleRows.length, onCountChange]);

  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => (items[index]?.kind === 'group' ? GROUP_HEIGHT : items[index]?.kind === 'today' ? TODAY_HEIGHT : ROW_HEIGHT),
    getItemKey: (index) => items[index].key,
    overscan: 12,
    scrollMargin: HEADER_HEIGHT,
  });
  const virtualItems = virtualizer.getVirtualItems();

  // The table opens at today (and goes back there on "Today"), not at the oldest release of the workspace.
  const todayRequest = useReleasesViewStore((s) => s.todayRequest);
  const openedAtToday = useRef(false);
  useEffect(() => {
    if (todayAt < 0 || (openedAtToday.current && todayRequest === 0)) return;
    openedAtToday.current = true;
    virtualizer.scrollToIndex(todayAt, { align: 'start' });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [todayAt >= 0, todayRequest]);

  useEffect(() => {
    if (!renderedMarked && virtualItems.length > 0) {
      renderedMarked = true;
      performance.mark(RENDERED_MARK);
    }
  }, [virtualItems.length]);

  /** Arrow keys walk the rows (scrolling the virtual list as needed); Enter opens the focused release. */
  const onRowKey = (event: KeyboardEvent<HTMLDivElement>, index: number, releaseId: string) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onOpen(releaseId);
      return;
    }
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const step = event.key === 'ArrowDown' ? 1 : -1;
    let next = index + step;
    while (items[next] && items[next].kind !== 'row') next += step;
    if (!items[next]) return;
    virtualizer.scrollToIndex(next);
    requestAnimationFrame(() => scrollRef.current?.querySelector<HTMLElement>(`[data-index="${next}"]`)?.focus());
  };

  const gridStyle = { '--release-columns': COLUMN_TEMPLATE } as CSSProperties;

  return (
    <div className={classes.frame} style={gridStyle} data-testid="releases-table" role="table" aria-rowcount={visibleRows.length}>
      <div ref={scrollRef} className={classes.scroller}>
        {table.getHeaderGroups().map((headerGroup) => (
          <div key={headerGroup.id} className={`${classes.grid} ${classes.header}`} role="row">
            {headerGroup.headers.map((header) => {
              const sorted = header.column.getIsSorted();
              const SortIcon = sorted === 'asc' ? IconArrowUp : sorted === 'desc' ? IconArrowDown : IconArrowsSort;
              return (
                <div key={header.id} role="columnheader" aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}>
                  <button type="button" className={classes.sortButton} onClick={header.column.getToggleSortingHandler()} title="Sort">
                    {flexRender(header.column.columnDef.header, header.getContext())}
                    <SortIcon size={12} opacity={sorted ? 1 : 0.4} aria-hidden />
                  </button>
                </div>
              );
            })}
          </div>
        ))}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }} role="rowgroup">
          {virtualItems.map((virtual) => {
            const item = items[virtual.index];
            const position = { transform: `translateY(${virtual.start - HEADER_HEIGHT}px)`, top: 0 };
            if (item.kind === 'today') {
              return (
                <div key={virtual.key} className={classes.today} style={position} role="row" data-index={virtual.index} data-testid="today-divider">
                  <span role="cell">{item.label}</span>
                </div>
              );
            }
            if (item.kind === 'group') {
              return (
                <div key={virtual.key} className={classes.group} style={position} role="row" data-index={virtual.index}>
                  {item.label}
                  <Text span size="xs" c="dimmed">
                    {item.count.toLocaleString()}
                  </Text>
                </div>
              );
            }
            const { release } = item.row.original;
            return (
              <div
                key={virtual.key}
                className={`${classes.grid} ${classes.row}`}
                style={position}
                role="row"
                tabIndex={0}
                data-index={virtual.index}
                data-selected={selectedId === release.id || undefined}
                aria-label={`${release.name} ${release.version}`}
                onClick={() => onOpen(release.id)}
                onKeyDown={(event) => onRowKey(event, virtual.index, release.id)}
              >
                {item.row.getVisibleCells().map((cell) => (
                  <div key={cell.id} role="cell" style={{ minWidth: 0 }}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </div>
                ))}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
