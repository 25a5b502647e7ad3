import { invalidInput } from '../../../contract/api-result';
import type { EntityName } from '../../store/entity-tables';
import type { HandlerContext } from '../handler-context';

const NOUNS: Record<EntityName, string> = {
  settings: 'settings',
  person: 'person',
  system: 'system',
  environment: 'environment',
  release: 'release',
  signoff: 'sign-off',
  checklistTemplate: 'checklist template',
  checklistItem: 'checklist item',
  checklistTick: 'checklist tick',
  checklistWaiver: 'checklist waiver',
  readinessPolicy: 'readiness policy',
  window: 'window',
  releaseNeed: 'release need',
  collisionAcceptance: 'collision acceptance',
  meeting: 'meeting',
  meetingAttendee: 'meeting attendee',
  meetingDecision: 'meeting decision',
  meetingEnvironmentCheck: 'environment check',
  meetingActionItem: 'action item',
  meetingActionCompletion: 'action item completion',
  deployment: 'deployment',
  incident: 'incident',
  releaseChange: 'change',
  postReleaseReview: 'post-release review',
  runbook: 'runbook',
  runbookStep: 'runbook step',
  stepExecution: 'step execution',
  conflictResolution: 'conflict resolution',
  deviceKey: 'device key',
  chainSeal: 'chain seal',
};

/** Local edits may only point at records that exist here; sync, which may deliver out of order, is exempt. */
export function requireExisting(ctx: HandlerContext, entity: EntityName, ids: readonly string[], field: string): void {
  ids.forEach((id, index) => {
    if (!ctx.store.reader.get(entity, id)) {
      const path = ids.length > 1 || field.endsWith('Ids') || field === 'dependsOn' ? `${field}.${index}` : field;
      throw invalidInput(path, `There is no ${NOUNS[entity]} with id ${id}.`);
    }
  });
}

export function requireUnique(ctx: HandlerContext, entity: EntityName, field: string, value: string, ownId?: string): void {
  if (ctx.store.reader.findByText(entity, { [field]: value }, ownId).length > 0) throw invalidInput(field, `A ${NOUNS[entity]} named "${value}" already exists.`);
}
