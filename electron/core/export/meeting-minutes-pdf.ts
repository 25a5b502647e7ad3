import pdfmake from 'pdfmake';
import type { AgendaItem, MeetingView } from '../../contract/meetings-entities';
import { READINESS_STATE_LABELS } from '../../contract/readiness-entities';
import { formatLocal } from '../domain/calendar/zoned-time';
import {
  actionStatusText,
  carriedFromText,
  collisionText,
  decisionText,
  decisionWord,
  environmentNames,
  heldText,
  policyText,
  rangeText,
  releaseLabel,
  releaseNameFor,
  stateText,
  unassertedNotes,
  windowText,
  zoneLine,
} from '../domain/meetings';
import { dejaVuSans, fontsDir } from './font-files';

/**
 * The minutes of a coordination meeting as a PDF (pdfmake): A4 landscape so the readiness table fits one row per
 * release. Every state is spelled out in words; the light fills only help scanning (minutes get printed in grey).
 */

type Cell = Record<string, unknown> | string;
type StateCell = AgendaItem['states'][number];

const FILL: Record<'asserted' | 'halted' | 'unasserted' | 'warning', string> = {
  asserted: '#e6f4ea',
  halted: '#fde7e7',
  unasserted: '#f1f3f5',
  warning: '#fff4e0',
};

const fillOf = (s: StateCell) => FILL[s.attention === 'warning' ? 'warning' : s.status];
const header = (text: string): Cell => ({ text, style: 'th' });
const heading = (text: string): Cell => ({ text, style: 'h2' });
const quiet = (text: string): Cell => ({ text, style: 'quiet' });

function readinessTable(view: MeetingView, zone: string): Cell {
  const states = view.agenda[0].states.map((s) => READINESS_STATE_LABELS[s.state]);
  const body: Cell[][] = [[header('Release'), header('Window'), ...states.map(header), header('Decision')]];
  for (const item of view.agenda) {
    body.push([
      { text: [{ text: releaseLabel(item), bold: true }, `\n${decisionWord(item).toUpperCase()}`], fontSize: 9 },
      { text: windowText(item, zone), fontSize: 8 },
      ...item.states.map((s) => ({ text: stateText(s), fillColor: fillOf(s), fontSize: 8.5 })),
      { text: decisionText(item), fontSize: 8.5, bold: item.decision !== null },
    ]);
  }
  return { table: { headerRows: 1, widths: [110, 110, '*', '*', '*', '*', 150], body, dontBreakRows: true }, layout: 'lightHorizontalLines' };
}

function releaseDetails(view: MeetingView, item: AgendaItem, zone: string): Cell {
  const lines: Cell[] = [
    { text: releaseLabel(item), style: 'h3' },
    { text: `Window ${windowText(item, zone)} · environments: ${environmentNames(view, item.environmentIds) || 'none'}`, style: 'quiet' },
    { text: item.gate.summary },
    ...item.gate.halts.map((h) => ({ text: [{ text: `Halted (${h.label}) by ${h.by.name}: `, bold: true }, h.reason], color: '#a61b1b' })),
    ...unassertedNotes(item).map((note) => ({ text: note, fontSize: 9, color: '#5c636a' })),
    ...item.collisions.map((c) => ({ text: collisionText(c), color: '#8a4b00' })),
    { text: [{ text: 'Decision: ', bold: true }, decisionText(item)] },
  ];
  return { stack: lines, margin: [0, 6, 0, 2], unbreakable: true };
}

function environmentsTable(view: MeetingView, zone: string): Cell {
  const body: Cell[][] = [[header('Environment'), header('Prepared'), header('Note'), header('Recorded')]];
  for (const env of view.environments) {
    body.push([
      env.name,
      { text: env.prepared ? '✓ Prepared' : '✕ Not prepared', fillColor: env.prepared ? FILL.asserted : FILL.warning },
      env.note || '—',
      env.by && env.at ? `${env.by.name}, ${formatLocal(Date.parse(env.at), zone)}` : 'not recorded',
    ]);
  }
  return { table: { headerRows: 1, widths: [140, 90, '*', 200], body }, layout: 'lightHorizontalLines', fontSize: 9 };
}

function actionsTable(view: MeetingView, zone: string): Cell {
  const body: Cell[][] = [[header('Action'), header('Release'), header('Owner'), header('Due'), header('Status')]];
  for (const a of view.carriedOver) {
    const title = { text: [a.title, { text: `\ncarried over ${carriedFromText(a, zone)}`, style: 'quiet' }] };
    body.push([title, releaseNameFor(view, a.releaseId) || '—', a.owner?.name ?? '—', a.dueDate, { text: actionStatusText(a, zone), bold: a.overdue }]);
  }
  for (const a of view.actions) {
    body.push([a.title, releaseNameFor(view, a.releaseId) || '—', a.owner?.name ?? '—', a.dueDate, { text: actionStatusText(a, zone), bold: a.overdue }]);
  }
  return { table: { headerRows: 1, widths: ['*', 130, 120, 70, 150], body, dontBreakRows: true }, layout: 'lightHorizontalLines', fontSize: 9 };
}

/** Action items first (what people must do next), then the meeting's own decisions and notes, then the agenda. */
export function minutesDocument(view: MeetingView, exportedAt: string, zone: string): Record<string, unknown> {
  const actions = view.actions.length + view.carriedOver.length;
  const content: Cell[] = [
    { text: view.meeting.title, style: 'h1' },
    { text: `Coordination meeting held ${heldText(view, zone)} · releases in ${rangeText(view, zone)} · ${zoneLine(zone)}`, style: 'quiet' },
    { text: [{ text: 'Attendees: ', bold: true }, view.attendees.map((a) => a.name).join(', ') || 'none recorded'], margin: [0, 4, 0, 0] },
    heading(`Action items (${actions})`),
    actions === 0 ? quiet('None.') : actionsTable(view, zone),
  ];
  if (view.meeting.decisions) content.push(heading('Decisions'), { text: view.meeting.decisions });
  if (view.meeting.notes) content.push(heading('Notes'), { text: view.meeting.notes });
  content.push(
    heading(`Releases (${view.agenda.length})`),
    ...(view.agenda.length === 0 ? [quiet('No release has a window in this range.')] : [quiet(policyText(view)), readinessTable(view, zone)]),
    ...view.agenda.map((item) => releaseDetails(view, item, zone)),
    heading('Environments'),
    view.environments.length === 0 ? quiet('No target environments.') : environmentsTable(view, zone),
    heading('Collisions and dependency violations'),
    view.collisions.length === 0 ? quiet('None in this range.') : { ul: view.collisions.map(collisionText), fontSize: 9 },
  );
  return {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [36, 36, 36, 40],
    info: { title: `${view.meeting.title} minutes`, creator: 'Release Desk' },
    defaultStyle: { font: 'DejaVuSans', fontSize: 10, lineHeight: 1.15 },
    styles: {
      h1: { fontSize: 18, bold: true, margin: [0, 0, 0, 2] },
      h2: { fontSize: 13, bold: true, margin: [0, 14, 0, 6] },
      h3: { fontSize: 10.5, bold: true },
      th: { bold: true, fontSize: 8.5, color: '#495057' },
      quiet: { color: '#5c636a', fontSize: 9 },
    },
    content,
    footer: (page: number, pages: number) => ({
      text: `${view.meeting.title} · exported ${formatLocal(Date.parse(exportedAt), zone)} (${zone}) · page ${page} of ${pages}`,
      style: 'quiet',
      fontSize: 8,
      margin: [36, 12, 36, 0],
    }),
  };
}

/** The PDF bytes. pdfmake may read only our font files and never fetch a URL. */
export async function meetingMinutesPdf(view: MeetingView, exportedAt: string, zone: string): Promise<Buffer> {
  const dir = fontsDir();
  pdfmake.setFonts({ DejaVuSans: dejaVuSans() });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((file) => file.startsWith(dir));
  return pdfmake.createPdf(minutesDocument(view, exportedAt, zone)).getBuffer();
}
