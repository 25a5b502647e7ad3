import { ROLLBACK_SECTION, type StepKind } from '../../../contract/runbook-entities';

/** What the schedule and the execution rules need of a step: plain data, no store. */
export interface PlanStep {
  id: string;
  title: string;
  kind: StepKind;
  section: string;
  position: number;
  durationMinutes: number;
  /** Ids of steps that must finish first; ids that name no step of this runbook are ignored. */
  dependsOn: readonly string[];
  /** Minutes from the anchor (the release window's start); null: start when the dependencies allow. */
  fixedStartOffsetMinutes: number | null;
  /** The cutover point (execution.ts): once it has started, a no-go needs the rollback. */
  pointOfNoReturn?: boolean;
}

/** The rollback section: kind rollback or section "Rollback" (any case). Kept apart, run only after a no-go. */
export function isRollbackStep(step: Pick<PlanStep, 'kind' | 'section'>): boolean {
  return step.kind === 'rollback' || step.section.trim().toLowerCase() === ROLLBACK_SECTION.toLowerCase();
}

/** "Deploy payments-api", "Verify health checks" and 3 more: step titles for a sentence. */
export function titleList(titles: readonly string[], max = 6): string {
  const quoted = titles.slice(0, max).map((t) => `"${t}"`);
  if (titles.length > max) quoted.push(`${titles.length - max} more`);
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
}
