import path from 'node:path';
import pdfmake from 'pdfmake';
import { RELEASE_STATUS_LABELS, type ReleaseStatus } from '../../../contract/entities';
import { STEP_KIND_LABELS, type RunbookView, type StepView } from '../../../contract/runbook-entities';
import { dejaVuSans, fontsDir } from '../../export/font-files';
import { markdownToPlain, wrapCommand } from './print-text';
import { decisionLines, dependencyLabels, durationText, sectionsOf, tableNumbers, timeText, windowText, zoneOf } from './step-labels';

/**
 * The runbook for the war-room wall (pdfmake): a cover with the release's facts and sign-offs, a table of contents
 * (also the PDF outline), then each section as a table a person ticks off with a pen: tick box, step, owner, planned
 * start in the release's zone, duration, the steps it waits for, and a column for initials. The rollback section
 * starts on its own page under a red band so nobody runs into it by turning the page. A4 landscape: the table has
 * eight columns and commands need the width.
 */

type Node = Record<string, unknown> | string;

const MONO = 'DejaVuSansMono';
const RED = '#b42318';
const QUIET = '#5c636a';
const LINE = '#adb5bd';
/** Characters of 7.5 pt DejaVu Sans Mono that fit the step column of a landscape A4 page (measured, with a margin). */
const COMMAND_COLUMNS = 70;

const TAG: Partial<Record<StepView['kind'], { text: string; fill: string; color: string }>> = {
  checkpoint: { text: ' GO / NO-GO ', fill: '#fff3bf', color: '#5c3c00' },
  'readiness-gate': { text: ' READINESS GATE ', fill: '#fff3bf', color: '#5c3c00' },
  communication: { text: ' COMMS ', fill: '#e7f5ff', color: '#1c4f80' },
};

/**
 * "22:30" over "Sat 5 Dec": the time is what people look for, the day only changes past midnight. A start after the
 * window has closed is red; a fixed start that the dependencies push later says so.
 */
function startCell(step: StepView, view: RunbookView, zone: string): Node {
  const [weekday, day, month, , time] = timeText(step.plannedStart, zone).split(' ');
  const late = view.release !== null && Date.parse(step.plannedStart) >= Date.parse(view.release.windowEnd);
  // One text node with inlines, not a stack: a thousand-step runbook lays out noticeably faster.
  const text: Node[] = [{ text: time, bold: true, fontSize: 8.5, color: late ? RED : '#000000' }, `\n${weekday} ${day} ${month}`];
  if (step.fixedStartOffsetMinutes !== null) {
    const fixed = new Date(Date.parse(view.anchor) + step.fixedStartOffsetMinutes * 60_000).toISOString();
    if (fixed !== new Date(Date.parse(step.plannedStart)).toISOString()) text.push(`\nnot before ${timeText(fixed, zone).split(' ')[4]}`);
  }
  return { text, fontSize: 7, color: QUIET };
}

function stepCell(step: StepView): Node {
  const tag = TAG[step.kind];
  const title: Node[] = [];
  if (tag) title.push({ text: tag.text, background: tag.fill, color: tag.color, fontSize: 7, bold: true }, ' ');
  title.push({ text: step.title, bold: true });
  if (step.critical) title.push({ text: '  ◆ critical path', color: RED, fontSize: 7 });
  if (step.pointOfNoReturn) title.push({ text: '  ▲ point of no return', color: RED, fontSize: 7, bold: true });
  const stack: Node[] = [{ text: title }];
  const decision = decisionLines(step);
  if (decision.length > 0) stack.push({ text: decision.join('\n'), fontSize: 7.5, bold: true, color: '#5c3c00', margin: [0, 1, 0, 1] });
  if (step.description) stack.push({ text: markdownToPlain(step.description), style: 'notes' });
  if (step.command) {
    stack.push({ text: wrapCommand(step.command, COMMAND_COLUMNS), font: MONO, fontSize: 7.5, preserveLeadingSpaces: true, background: '#eceff1', margin: [0, 2, 0, 1] });
  }
  return { stack };
}

const th = (text: string, alignment = 'left'): Node => ({ text, style: 'th', alignment });

/** Lines only where a pen needs them: under each row, and around the tick box and initials columns. */
const warRoomLayout = {
  hLineWidth: (i: number) => (i === 0 ? 0 : i === 1 ? 1 : 0.5),
  vLineWidth: (i: number, node: { table: { widths: unknown[] } }) => (i === 1 || i === node.table.widths.length - 1 || i === node.table.widths.length ? 0.5 : 0),
  hLineColor: (i: number) => (i === 1 ? '#495057' : LINE),
  vLineColor: () => LINE,
  paddingLeft: () => 4,
  paddingRight: () => 4,
  paddingTop: () => 3,
  paddingBottom: () => 3,
};

/**
 * A section's table. A forward section's heading is the table's first header row, so it can never be left alone at
 * the foot of a page (the header rows stay with the first step) and it repeats on the pages the section continues
 * on. The rollback section has its band above instead (it starts a page anyway).
 */
function sectionTable(view: RunbookView, steps: readonly StepView[], labels: ReadonlyMap<string, string>, heading: Node | null): Node {
  const zone = zoneOf(view);
  const body: Node[][] = heading ? [[{ ...(heading as object), colSpan: 8, border: [false, false, false, false] }, '', '', '', '', '', '', '']] : [];
  body.push([th('✓', 'center'), th('#'), th('Step'), th('Owner'), th('Start'), th('Dur.', 'right'), { ...(th('After') as object), margin: [6, 0, 0, 0] }, th('Initials')]);
  for (const step of steps) {
    body.push([
      { text: '☐', fontSize: 13, alignment: 'center', color: '#343a40' },
      { text: labels.get(step.id)!, bold: true },
      stepCell(step),
      { text: step.ownerName || '—', color: step.ownerName ? undefined : QUIET },
      startCell(step, view, zone),
      { text: durationText(step.durationMinutes), alignment: 'right' },
      { text: dependencyLabels(step, labels).join(', ') || '—', color: step.dependsOn.length ? undefined : QUIET, margin: [6, 0, 0, 0] },
      '',
    ]);
  }
  return {
    table: { headerRows: heading ? 2 : 1, keepWithHeaderRows: 1, dontBreakRows: true, widths: [18, 30, '*', 110, 62, 38, 60, 56], body },
    layout: warRoomLayout,
    fontSize: 8.5,
  };
}

/**
 * The heading of a forward section (a header row of its table: see sectionTable), and the outline entry beside
 * it: repeated header rows are copies of laid-out lines, so an outline mark on the heading would repeat per page.
 */
function forwardHeading(name: string, count: number, id: string): { marker: Node; heading: Node } {
  return {
    marker: { text: ' ', fontSize: 1, outline: true, outlineText: name },
    heading: {
      text: [
        { text: name, fontSize: 13, bold: true, tocItem: true, id },
        { text: `   ${count} step${count === 1 ? '' : 's'}`, fontSize: 7, color: QUIET },
      ],
      margin: [-4, 8, 0, 2],
    },
  };
}

function rollbackHeading(count: number, id: string): Node[] {
  return [
    {
      pageBreak: 'before',
      table: {
        widths: ['*'],
        body: [
          [
            {
              stack: [
                { text: 'ROLLBACK', fontSize: 18, bold: true, color: '#ffffff', tocItem: true, id, outline: true, outlineText: 'Rollback (only after a no-go)', tocStyle: { color: RED, bold: true } },
                { text: `Run these ${count} step${count === 1 ? '' : 's'} only after a no-go decision, and only as the release coordinator calls them.`, color: '#ffffff', fontSize: 9 },
              ],
              fillColor: RED,
              margin: [8, 6, 8, 6],
            },
          ],
        ],
      },
      layout: 'noBorders',
      margin: [0, 0, 0, 8],
    },
  ];
}

function fact(label: string, value: Node): Node[] {
  return [{ text: label, style: 'label' }, value];
}

/**
 * A short runbook (a handful of sections) gets its cover and contents on one page: a nearly empty cover page and a
 * contents page of five lines would be two of its four pages. Longer ones keep the contents on a page of its own.
 */
const FOLD_MAX_SECTIONS = 6;
const FOLD_MAX_STEPS = 40;

function cover(view: RunbookView, exportedAt: string, folded: boolean): Node[] {
  const zone = zoneOf(view);
  const r = view.release;
  const rows: Node[][] = [];
  if (r) {
    rows.push(fact('Release', { text: `${r.name} ${r.version}`, bold: true }));
    rows.push(fact('Window', windowText(view)));
    rows.push(fact('Status', RELEASE_STATUS_LABELS[r.status as ReleaseStatus] ?? r.status));
    rows.push(fact('Release owner', r.ownerName || '—'));
    rows.push(fact('Environments', r.environmentNames.join(', ') || '—'));
    rows.push(fact('Systems', r.systemNames.join(', ') || '—'));
    rows.push(fact('Readiness', { stack: [{ text: r.presumptive.toUpperCase(), bold: true }, ...r.signoffs.map((s) => ({ text: s, fontSize: 9 }))] }));
  } else rows.push(fact('Template', windowText(view)));
  const owners = [...new Set(view.steps.map((s) => s.ownerName).filter((n) => n !== ''))];
  rows.push(fact('Step owners', owners.join(', ') || '—'));
  if (view.plannedStart && view.plannedEnd) {
    const critical = view.criticalPath.length;
    rows.push(fact('Plan', `${view.steps.length} steps, ${timeText(view.plannedStart, zone)} – ${timeText(view.plannedEnd, zone)}; ${critical} step${critical === 1 ? '' : 's'} on the critical path`));
  }
  if (view.overrunMinutes > 0) rows.push(fact('Overrun', { text: `The plan runs ${durationText(view.overrunMinutes)} past the end of the release window.`, color: RED, bold: true }));
  rows.push(fact('Exported', `${timeText(exportedAt, zone)} (${zone})`));
  const content: Node[] = [
    { text: 'RUNBOOK', style: 'kicker', margin: [0, folded ? 0 : 60, 0, 4] },
    { text: view.runbook.name, style: 'title' },
    r ? { text: `${r.name} ${r.version}`, style: 'subtitle' } : { text: 'Template', style: 'subtitle' },
    { table: { widths: [110, '*'], body: rows }, layout: 'lightHorizontalLines', margin: [0, folded ? 12 : 24, 120, 0], fontSize: folded ? 9 : 10 },
  ];
  if (view.runbook.description) content.push({ text: markdownToPlain(view.runbook.description), style: 'notes', margin: [0, folded ? 8 : 14, 120, 0] });
  return content;
}

export function runbookDocument(view: RunbookView, exportedAt: string): Record<string, unknown> {
  const zone = zoneOf(view);
  const labels = tableNumbers(view.steps);
  const sections = sectionsOf(view);
  const folded = sections.length <= FOLD_MAX_SECTIONS && view.steps.length <= FOLD_MAX_STEPS;
  const content: Node[] = [...cover(view, exportedAt, folded)];
  if (sections.length > 0) {
    const title = folded ? { text: 'Contents', style: 'h2', margin: [0, 14, 0, 4] } : { text: 'Contents', style: 'h1' };
    content.push({ toc: { title, numberStyle: { bold: true } }, ...(folded ? {} : { pageBreak: 'before' }) });
  } else content.push({ text: 'This runbook has no steps yet.', style: 'h2', ...(folded ? {} : { pageBreak: 'before' }) });
  sections.forEach((section, i) => {
    const id = `section-${i}`;
    if (section.rollback) {
      content.push(...rollbackHeading(section.steps.length, id), sectionTable(view, section.steps, labels, null));
      return;
    }
    const { marker, heading } = forwardHeading(section.name, section.steps.length, id);
    if (i === 0) (marker as Record<string, unknown>).pageBreak = 'before';
    content.push(marker, sectionTable(view, section.steps, labels, heading));
  });
  const release = view.release ? `${view.release.name} ${view.release.version}` : 'Template';
  return {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [36, 48, 36, 40],
    info: { title: view.runbook.name, subject: `Runbook for ${release}`, creator: 'Release Desk' },
    defaultStyle: { font: 'DejaVuSans', fontSize: 10, lineHeight: 1.15 },
    styles: {
      kicker: { fontSize: 10, bold: true, color: QUIET, characterSpacing: 2 },
      title: { fontSize: 28, bold: true },
      subtitle: { fontSize: 15, color: '#343a40', margin: [0, 4, 0, 0] },
      h1: { fontSize: 18, bold: true, margin: [0, 0, 0, 10] },
      h2: { fontSize: 13, bold: true, margin: [0, 12, 0, 6] },
      th: { bold: true, fontSize: 7.5, color: '#495057' },
      label: { fontSize: 9, color: QUIET, margin: [0, 1, 0, 0] },
      small: { fontSize: 7, color: QUIET },
      notes: { fontSize: 7.5, color: '#495057' },
    },
    content,
    header: (page: number) =>
      page === 1
        ? null
        : {
            // Fixed column widths: 'auto' columns are measured again on every page, which a long runbook feels.
            columns: [
              { text: view.runbook.name, bold: true, fontSize: 9, width: 300 },
              { text: `${release} · ${windowText(view)}`, fontSize: 8, color: QUIET, alignment: 'right', width: '*' },
            ],
            margin: [36, 20, 36, 0],
          },
    footer: (page: number, pages: number) => ({
      columns: [
        { text: `Exported ${timeText(exportedAt, zone)} (${zone}) by Release Desk`, fontSize: 7.5, color: QUIET, width: '*' },
        { text: `Page ${page} of ${pages}`, fontSize: 8, bold: true, alignment: 'right', width: 100 },
      ],
      margin: [36, 14, 36, 0],
    }),
  };
}

/** The PDF bytes. pdfmake may read only our font files and never fetch a URL. */
export async function runbookPdf(view: RunbookView, exportedAt: string): Promise<Buffer> {
  const dir = fontsDir();
  const mono = path.join(dir, 'DejaVuSansMono.ttf');
  const monoBold = path.join(dir, 'DejaVuSansMono-Bold.ttf');
  pdfmake.setFonts({ DejaVuSans: dejaVuSans(), [MONO]: { normal: mono, bold: monoBold, italics: mono, bolditalics: monoBold } });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((file) => file.startsWith(dir));
  return pdfmake.createPdf(runbookDocument(view, exportedAt)).getBuffer();
}
