import type { ApiInput } from '../../../../electron/contract/api-contract';
import { isDecisionKind, type StepKind, type StepView } from '../../../../electron/contract/runbook-entities';
import type { FieldErrors } from '../../shared/field-errors';
import { formatDuration, parseDuration } from './duration';

/** The step editor's values: text as typed, converted to the contract's shape only on save. */
export interface StepFormValues {
  title: string;
  description: string;
  command: string;
  ownerPersonId: string | null;
  ownerTeam: string;
  kind: StepKind;
  section: string;
  duration: string;
  dependsOn: string[];
  startMode: 'after' | 'fixed';
  /** Minutes from the window start, as typed ("-30", "1h 30m"). */
  fixedStart: string;
  /** Go/no-go steps: who decides, and on what. */
  approverIds: string[];
  criteria: string;
  pointOfNoReturn: boolean;
}

export function formValues(step: StepView | null, defaults: { section: string; dependsOn?: string[] }): StepFormValues {
  const offset = step?.fixedStartOffsetMinutes ?? null;
  return {
    title: step?.title ?? '',
    description: step?.description ?? '',
    command: step?.command ?? '',
    ownerPersonId: step?.ownerPersonId ?? null,
    ownerTeam: step?.ownerTeam ?? '',
    kind: step?.kind ?? 'task',
    section: step?.section ?? defaults.section,
    duration: formatDuration(step?.durationMinutes ?? 15),
    dependsOn: step?.dependsOn ?? defaults.dependsOn ?? [],
    approverIds: step?.approverIds ?? [],
    criteria: step?.criteria ?? '',
    pointOfNoReturn: step?.pointOfNoReturn ?? false,
    startMode: offset === null ? 'after' : 'fixed',
    fixedStart: offset === null ? '0' : `${offset < 0 ? '-' : ''}${formatDuration(Math.abs(offset))}`,
  };
}

/** "-30", "-1h", "2h 15m": minutes from the window start, negative before it opens. */
export function parseOffset(text: string): number | null {
  const t = text.trim();
  const negative = /^[-−]/.test(t);
  const minutes = parseDuration(t.replace(/^[-−+]\s*/, ''));
  return minutes === null ? null : negative ? -minutes : minutes;
}

type StepFields = ApiInput<'runbookSteps.update'>['changes'];

/** The values as the contract wants them, or the errors that stop the save (nothing is sent then). */
export function toStepFields(v: StepFormValues): { fields: Required<Omit<StepFields, 'externalRef'>>; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const durationMinutes = parseDuration(v.duration);
  if (durationMinutes === null) errors.durationMinutes = 'Write the duration as minutes ("90"), "1h 30m" or "01:30".';
  const offset = v.startMode === 'fixed' ? parseOffset(v.fixedStart) : null;
  if (v.startMode === 'fixed' && offset === null) errors.fixedStartOffsetMinutes = 'Write the start as minutes from the window start ("-30", "1h 30m").';
  if (v.title.trim() === '') errors.title = 'Title is required';
  if (v.section.trim() === '') errors.section = 'Section is required';
  return {
    errors,
    fields: {
      title: v.title.trim(),
      description: v.description,
      command: v.command,
      ownerPersonId: v.ownerPersonId,
      ownerTeam: v.ownerPersonId ? '' : v.ownerTeam.trim(),
      kind: v.kind,
      section: v.section.trim(),
      durationMinutes: durationMinutes ?? 0,
      dependsOn: v.dependsOn,
      fixedStartOffsetMinutes: offset,
      // Approvers and criteria belong to go/no-go steps; the mark to steps that change production.
      approverIds: isDecisionKind(v.kind) ? v.approverIds : [],
      criteria: isDecisionKind(v.kind) ? v.criteria.trim() : '',
      pointOfNoReturn: !isDecisionKind(v.kind) && v.kind !== 'rollback' && v.pointOfNoReturn,
    },
  };
}
