import { Group, Text } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { useMemo } from 'react';
import { isDecisionKind, type RunbookView, type StepView } from '../../../../electron/contract/runbook-entities';
import { stepItems } from './step-rows';
import type { TimeFormat } from './step-times';
import { timelineScale, type TimelineScale } from './runbook-time-axis';
import classes from './Timeline.module.css';

/*
 * Hand-written SVG, on purpose. The maintained free Gantt libraries were checked (2026-11): SVAR React Gantt's MIT
 * core has no critical path and no vertical markers (both are in its paid PRO edition), and we need both plus a
 * minute-scale axis in the viewer's zone; frappe-gantt is imperative DOM with an hour as its finest view; gantt-task-
 * react has not been released since 2022 and declares React 18 only. The core already computes the schedule and the
 * critical path, so what is left to draw is bars, arrows and three lines.
 */

const ROW = 26;
const SECTION = 22;
const LABELS = 260;

interface Placed {
  step: StepView;
  number: number;
  y: number;
}

function layout(steps: readonly StepView[]) {
  const rows: ({ kind: 'section'; label: string; rollback: boolean; y: number } | ({ kind: 'step' } & Placed))[] = [];
  let y = 0;
  for (const item of stepItems(steps)) {
    if (item.kind === 'section') {
      rows.push({ kind: 'section', label: item.section, rollback: item.rollback, y });
      y += SECTION;
    } else {
      rows.push({ kind: 'step', step: item.step, number: item.number, y });
      y += ROW;
    }
  }
  return { rows, height: y };
}

const barColour = (step: StepView) =>
  step.rollback ? 'var(--mantine-color-red-light)' : step.critical ? 'var(--mantine-color-orange-filled)' : 'var(--mantine-color-blue-light)';

const ACTUAL_COLOUR: Partial<Record<StepView['status'], string>> = {
  running: 'var(--mantine-color-blue-filled)',
  done: 'var(--mantine-color-green-filled)',
  failed: 'var(--mantine-color-red-filled)',
  go: 'var(--mantine-color-teal-filled)',
  'no-go': 'var(--mantine-color-red-filled)',
};

export function Timeline({ view, format, now }: { view: RunbookView; format: TimeFormat; now: number }) {
  const { ref, width } = useElementSize();
  const scale = useMemo(() => timelineScale(view, Math.max(400, width - LABELS - 2)), [view, width]);
  const { rows, height } = useMemo(() => layout(view.steps), [view.steps]);
  const placed = new Map(rows.filter((r) => r.kind === 'step').map((r) => [(r as Placed).step.id, r as Placed]));
  const nowX = view.release && now >= scale.from && now <= scale.to ? scale.x(now) : null;

  return (
    <div ref={ref} className={classes.frame} data-testid="timeline" tabIndex={0} role="region" aria-label="Timeline (scrolls with the arrow keys)">
      <div className={classes.labels}>
        <div className={`${classes.axis} ${classes.corner}`}>{view.release ? 'Your time' : 'From the window start'}</div>
        {rows.map((r) =>
          r.kind === 'section' ? (
            <div key={`s:${r.label}`} className={classes.sectionLabel} data-rollback={r.rollback || undefined}>
              {r.label}
            </div>
          ) : (
            <div key={r.step.id} className={classes.label} data-critical={r.step.critical || undefined} title={r.step.title}>
              <span style={{ display: 'inline-block', width: 22, flexShrink: 0, textAlign: 'right', color: 'var(--mantine-color-dimmed)' }}>{r.number}</span>
              <span className={classes.labelText}>{r.step.title}</span>
            </div>
          ),
        )}
      </div>
      <div style={{ width: scale.width }}>
        <div className={classes.axis}>
          <Axis scale={scale} format={format} view={view} nowX={nowX} />
        </div>
        <svg width={scale.width} height={height} role="img" aria-label="Timeline of the runbook's steps">
          <defs>
            <marker id="arrow" viewBox="0 0 6 6" refX="6" refY="3" markerWidth="6" markerHeight="6" orient="auto">
              <path d="M0,0 L6,3 L0,6 z" style={{ fill: 'var(--mantine-color-dimmed)' }} />
            </marker>
            <marker id="arrow-critical" viewBox="0 0 6 6" refX="6" refY="3" markerWidth="6" markerHeight="6" orient="auto">
              <path d="M0,0 L6,3 L0,6 z" style={{ fill: 'var(--mantine-color-orange-filled)' }} />
            </marker>
          </defs>
          {scale.ticks.map((t) => (
            <line key={t} x1={scale.x(t)} x2={scale.x(t)} y1={0} y2={height} style={{ stroke: 'var(--mantine-color-default-border)' }} strokeWidth={1} />
          ))}
          {rows.map((r) =>
            r.kind === 'section' ? (
              <rect key={`s:${r.label}`} x={0} y={r.y} width={scale.width} height={SECTION} style={{ fill: 'var(--mantine-color-default-hover)' }} />
            ) : null,
          )}
          {view.release && <WindowLines scale={scale} height={height} start={view.release.windowStart} end={view.release.windowEnd} />}
          {[...placed.values()].flatMap(({ step, y }) =>
            step.dependsOn.map((depId) => {
              const dep = placed.get(depId);
              if (!dep) return null;
              const x1 = scale.x(dep.step.plannedFinish);
              const x2 = scale.x(step.plannedStart);
              const y1 = dep.y + ROW / 2;
              const y2 = y + ROW / 2;
              const critical = dep.step.critical && step.critical;
              const bend = Math.max(x1 + 4, Math.min(x2 - 4, x1 + 8));
              return (
                <path
                  key={`${depId}>${step.id}`}
                  d={`M${x1},${y1} H${bend} V${y2} H${x2}`}
                  fill="none"
                  style={{ stroke: critical ? 'var(--mantine-color-orange-filled)' : 'var(--mantine-color-dimmed)' }}
                  strokeWidth={critical ? 1.6 : 1}
                  strokeOpacity={critical ? 0.9 : 0.5}
                  markerEnd={critical ? 'url(#arrow-critical)' : 'url(#arrow)'}
                />
              );
            }),
          )}
          {[...placed.values()].map(({ step, y, number }) => (
            <StepBar key={step.id} step={step} number={number} y={y} scale={scale} now={now} format={format} />
          ))}
          {nowX !== null && <line x1={nowX} x2={nowX} y1={0} y2={height} style={{ stroke: 'var(--mantine-color-red-filled)' }} strokeWidth={2} data-testid="now-line" />}
        </svg>
      </div>
    </div>
  );
}

function StepBar({ step, number, y, scale, now, format }: { step: StepView; number: number; y: number; scale: TimelineScale; now: number; format: TimeFormat }) {
  const x = scale.x(step.plannedStart);
  const w = Math.max(3, scale.x(step.plannedFinish) - x);
  const actualStart = step.actualStart ? scale.x(step.actualStart) : null;
  const actualEnd = step.actualFinish ? scale.x(step.actualFinish) : step.status === 'running' ? scale.x(Math.min(now, scale.to)) : null;
  const title = `${number}. ${step.title}\nPlanned ${format.short(step.plannedStart)} – ${format.short(step.plannedFinish)}${step.critical ? '\nOn the critical path' : ''}`;
  return (
    <g data-testid="timeline-bar" data-critical={step.critical || undefined}>
      <title>{title}</title>
      {isDecisionKind(step.kind) && (
        <path d={`M${x},${y + 4} l9,9 l-9,9 l-9,-9 z`} style={{ fill: 'var(--mantine-color-violet-filled)' }} />
      )}
      <rect
        x={x}
        y={y + 6}
        width={w}
        height={12}
        rx={3}
        style={{ fill: barColour(step), stroke: step.critical ? 'var(--mantine-color-orange-filled)' : step.rollback ? 'var(--mantine-color-red-filled)' : 'var(--mantine-color-blue-filled)' }}
        strokeWidth={1}
        strokeDasharray={step.rollback ? '3 2' : undefined}
        opacity={step.status === 'skipped' ? 0.35 : 1}
      />
      {actualStart !== null && actualEnd !== null && (
        <rect x={actualStart} y={y + 19} width={Math.max(3, actualEnd - actualStart)} height={4} rx={2} style={{ fill: ACTUAL_COLOUR[step.status] ?? 'var(--mantine-color-gray-filled)' }} />
      )}
    </g>
  );
}

function WindowLines({ scale, height, start, end }: { scale: TimelineScale; height: number; start: string; end: string }) {
  return (
    <>
      <rect x={scale.x(start)} y={0} width={scale.x(end) - scale.x(start)} height={height} style={{ fill: 'var(--mantine-color-teal-light)' }} opacity={0.35} />
      {[start, end].map((t) => (
        <line key={t} x1={scale.x(t)} x2={scale.x(t)} y1={0} y2={height} style={{ stroke: 'var(--mantine-color-teal-filled)' }} strokeWidth={1.5} strokeDasharray="6 4" />
      ))}
    </>
  );
}

function Axis({ scale, format, view, nowX }: { scale: TimelineScale; format: TimeFormat; view: RunbookView; nowX: number | null }) {
  // A mark near the right edge writes its label to the left of its line, so it is never cut off.
  // The window's labels on the first line, "Now" on the second, so they never overlap; ticks on the third.
  const marks: { x: number; label: string; colour: string; row: 0 | 1 }[] = [];
  if (view.release) {
    marks.push({ x: scale.x(view.release.windowStart), label: 'Window opens', colour: 'var(--mantine-color-teal-filled)', row: 0 });
    marks.push({ x: scale.x(view.release.windowEnd), label: 'Window closes', colour: 'var(--mantine-color-teal-filled)', row: 0 });
  }
  if (nowX !== null) marks.push({ x: nowX, label: 'Now', colour: 'var(--mantine-color-red-filled)', row: 1 });
  const leftOf = (x: number) => x > scale.width - 100;
  return (
    <svg width={scale.width} height={46} aria-hidden>
      {scale.ticks.map((t) => (
        <text key={t} x={scale.x(t) + 3} y={41} fontSize={11} style={{ fill: 'var(--mantine-color-dimmed)' }}>
          {format.clock(new Date(t).toISOString())}
        </text>
      ))}
      {marks.map((m) => (
        <g key={m.label}>
          <line x1={m.x} x2={m.x} y1={0} y2={46} style={{ stroke: m.colour }} strokeWidth={2} />
          <text x={leftOf(m.x) ? m.x - 4 : m.x + 4} y={m.row === 0 ? 12 : 25} fontSize={11} fontWeight={600} textAnchor={leftOf(m.x) ? 'end' : 'start'} style={{ fill: m.colour }}>
            {m.label}
          </text>
        </g>
      ))}
    </svg>
  );
}

/** The legend, so the colours are not a riddle. */
export function TimelineLegend() {
  const swatch = (colour: string, stroke = 'none', dashed = false) => (
    <svg width={18} height={10} aria-hidden>
      <rect x={1} y={1} width={16} height={8} rx={2} style={{ fill: colour, stroke }} strokeDasharray={dashed ? '3 2' : undefined} />
    </svg>
  );
  return (
    <Group gap="md" data-testid="timeline-legend">
      <Group gap={4}>{swatch('var(--mantine-color-orange-filled)')}<Text size="xs">Critical path</Text></Group>
      <Group gap={4}>{swatch('var(--mantine-color-blue-light)', 'var(--mantine-color-blue-filled)')}<Text size="xs">Has slack</Text></Group>
      <Group gap={4}>{swatch('var(--mantine-color-red-light)', 'var(--mantine-color-red-filled)', true)}<Text size="xs">Rollback</Text></Group>
      <Group gap={4}>{swatch('var(--mantine-color-green-filled)')}<Text size="xs">Actual (done)</Text></Group>
      <Group gap={4}>{swatch('var(--mantine-color-teal-light)')}<Text size="xs">Release window</Text></Group>
      <Group gap={4}>{swatch('var(--mantine-color-red-filled)')}<Text size="xs">Now / failed</Text></Group>
    </Group>
  );
}
