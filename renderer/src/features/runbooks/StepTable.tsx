import { Badge, Text } from '@mantine/core';
import { flexRender, getCoreRowModel, useReactTable } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, type CSSProperties, type KeyboardEvent, type MouseEvent } from 'react';
import type { StepView } from '../../../../electron/contract/runbook-entities';
import { STEP_COLUMN_TEMPLATE, stepColumns, type StepRow } from './step-columns';
import { stepItems, stepNumbers } from './step-rows';
import type { TimeFormat } from './step-times';
import type { StepSelection } from './use-step-selection';
// The frame and scroller are the releases table's own, so both tables scroll and border alike.
import frame from '../releases/ReleasesTable.module.css';
import classes from './StepTable.module.css';

const ROW_HEIGHT = 36;
const SECTION_HEIGHT = 30;
const HEADER_HEIGHT = 32;

export interface StepTableActions {
  edit(stepId: string): void;
  addBelow(stepId: string | null): void;
  move(direction: -1 | 1): void;
  remove(stepIds: string[]): void;
  putIntoSection(stepIds: string[]): void;
}

/** Asks the table to put the keyboard on a row (a new step, or back after the editor closed); seq makes it fire again. */
export interface FocusRequest {
  stepId: string;
  seq: number;
}

interface StepTableProps {
  focusRequest: FocusRequest | null;
  steps: readonly StepView[];
  format: TimeFormat;
  selection: StepSelection;
  actions: StepTableActions;
}

/** Ownership as people read it: the person, else the team. */
export const ownerOf = (step: StepView): string => step.ownerName || step.ownerTeam;

/**
 * The runbook's steps, grouped by section with the rollback section apart, virtualised (a cutover plan imported
 * from a spreadsheet can have thousands of rows). Keyboard-first: see ShortcutHelp for the keys.
 */
export function StepTable({ steps, format, selection, actions, focusRequest }: StepTableProps) {
  const numbers = useMemo(() => stepNumbers(steps), [steps]);
  const items = useMemo(() => stepItems(steps), [steps]);
  const data = useMemo<StepRow[]>(
    () =>
      steps.map((step, i) => ({
        step,
        number: i + 1,
        owner: ownerOf(step),
        dependsOn: step.dependsOn.map((id) => numbers.get(id)).filter((n): n is number => n !== undefined).sort((a, b) => a - b).join(', '),
      })),
    [steps, numbers],
  );
  const columns = useMemo(() => stepColumns(format), [format]);
  const table = useReactTable({ data, columns, getCoreRowModel: getCoreRowModel(), getRowId: (r) => r.step.id });
  const rows = table.getRowModel().rowsById;

  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => (items[index]?.kind === 'section' ? SECTION_HEIGHT : ROW_HEIGHT),
    getItemKey: (index) => items[index].key,
    overscan: 12,
    scrollMargin: HEADER_HEIGHT,
  });

  const itemIndexOf = (stepId: string | null) => items.findIndex((i) => i.kind === 'step' && i.step.id === stepId);

  /** Keeps DOM focus on the focus row after it moves or after a re-read re-renders the rows. */
  const focusRow = (stepId: string) => {
    const index = itemIndexOf(stepId);
    if (index < 0) return;
    virtualizer.scrollToIndex(index);
    requestAnimationFrame(() => scrollRef.current?.querySelector<HTMLElement>(`[data-step-id="${stepId}"]`)?.focus());
  };
  const hadFocus = useRef(false);
  useEffect(() => {
    if (hadFocus.current && selection.focusId) focusRow(selection.focusId);
    // After every re-read of the steps (an edit, a move): the focus row must still hold the keyboard.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [steps]);
  const served = useRef(0);
  useEffect(() => {
    if (!focusRequest || focusRequest.seq === served.current || itemIndexOf(focusRequest.stepId) < 0) return;
    served.current = focusRequest.seq;
    focusRow(focusRequest.stepId);
    // Served once the requested row exists (a new step arrives with the re-read).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusRequest, items]);

  const onKey = (event: KeyboardEvent<HTMLDivElement>, step: StepView) => {
    const { key, shiftKey, altKey, ctrlKey, metaKey } = event;
    const handled = () => event.preventDefault();
    const index = steps.indexOf(step);
    if ((key === 'ArrowDown' || key === 'ArrowUp') && altKey) {
      handled();
      return actions.move(key === 'ArrowDown' ? 1 : -1);
    }
    if (key === 'ArrowDown' || key === 'ArrowUp') {
      handled();
      const next = steps[index + (key === 'ArrowDown' ? 1 : -1)];
      if (!next) return;
      selection.focus(next.id, { extend: shiftKey });
      return focusRow(next.id);
    }
    if (key === 'Home' || key === 'End') {
      handled();
      const next = key === 'Home' ? steps[0] : steps[steps.length - 1];
      selection.focus(next.id, { extend: shiftKey });
      return focusRow(next.id);
    }
    const plain = !ctrlKey && !metaKey && !altKey;
    const command =
      key === 'Enter' && altKey ? () => actions.addBelow(step.id)
      : key === 'Enter' ? () => actions.edit(step.id)
      : key === 'a' && plain ? () => actions.addBelow(step.id)
      : key === 's' && plain ? () => actions.putIntoSection(selection.targets())
      : key === 'Delete' || key === 'Backspace' ? () => actions.remove(selection.targets())
      : key === 'a' && (ctrlKey || metaKey) ? () => selection.selectAll()
      : key === ' ' ? () => selection.focus(step.id, { toggle: true })
      : key === 'Escape' ? () => selection.clear()
      : null;
    if (!command) return;
    if (key !== 'Escape') handled();
    command();
  };

  const onClick = (event: MouseEvent, step: StepView) => {
    selection.focus(step.id, { extend: event.shiftKey, toggle: event.ctrlKey || event.metaKey });
  };

  const gridStyle = { '--step-columns': STEP_COLUMN_TEMPLATE } as CSSProperties;

  return (
    <div className={frame.frame} style={gridStyle} data-testid="step-table" role="grid" aria-rowcount={steps.length} aria-multiselectable>
      <div
        ref={scrollRef}
        className={frame.scroller}
        onFocus={() => (hadFocus.current = true)}
        onBlur={(e) => {
          if (!e.currentTarget.contains(e.relatedTarget as Node | null)) hadFocus.current = false;
        }}
      >
        {table.getHeaderGroups().map((headerGroup) => (
          <div key={headerGroup.id} className={`${classes.grid} ${frame.header} ${classes.header}`} role="row">
            {headerGroup.headers.map((header) => (
              <div key={header.id} role="columnheader">
                {flexRender(header.column.columnDef.header, header.getContext())}
              </div>
            ))}
          </div>
        ))}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }} role="rowgroup">
          {virtualizer.getVirtualItems().map((virtual) => {
            const item = items[virtual.index];
            const position = { transform: `translateY(${virtual.start - HEADER_HEIGHT}px)`, top: 0 };
            if (item.kind === 'section') {
              return (
                <div key={virtual.key} className={item.rollback ? `${classes.section} ${classes.rollbackSection}` : classes.section} style={position} role="row" data-testid={`section-${item.section}`}>
                  {/* A grid row holds cells: the section's title heads the steps below it. */}
                  <div role="rowheader" aria-colspan={columns.length} className={classes.sectionCell}>
                    {item.section}
                    <Text span size="xs" c="dimmed">
                      {item.count}
                    </Text>
                    {item.rollback && (
                      <Badge size="xs" color="red" variant="light" radius="sm" style={{ textTransform: 'none' }}>
                        runs only after a no-go or a failure
                      </Badge>
                    )}
                  </div>
                </div>
              );
            }
            const { step } = item;
            const row = rows[step.id];
            const focused = selection.focusId === step.id;
            return (
              <div
                key={virtual.key}
                className={`${classes.grid} ${classes.row}`}
                style={position}
                role="row"
                tabIndex={focused || (!selection.focusId && item.index === 0) ? 0 : -1}
                data-step-id={step.id}
                data-focused={focused || undefined}
                data-selected={selection.selected.has(step.id) || undefined}
                data-critical={step.critical || undefined}
                aria-selected={selection.selected.has(step.id)}
                aria-label={`${item.number} ${step.title}`}
                onClick={(e) => onClick(e, step)}
                onDoubleClick={() => actions.edit(step.id)}
                onKeyDown={(e) => onKey(e, step)}
              >
                {row?.getVisibleCells().map((cell) => (
                  <div key={cell.id} role="gridcell" style={{ minWidth: 0 }}>
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
