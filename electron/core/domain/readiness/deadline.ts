import { READINESS_STATES, type DeadlineView, type ReadinessState, type ReadinessStatus } from '../../../contract/readiness-entities';

/**
 * The readiness deadline: readiness is due a number of hours before the release window starts. The hours come from
 * the release's own setting, else the workspace default, else this built-in default of two days (time to react to a
 * halt before the window opens). Once the deadline has passed, every state with neither an assertion nor a halt in
 * effect is overdue.
 */
export const BUILT_IN_DEADLINE_HOURS = 48;

export interface DeadlinePolicy {
  hours: number;
  source: DeadlineView['source'];
}

export function deadlinePolicy(releaseHours: number | null, workspaceHours: number | null): DeadlinePolicy {
  if (releaseHours !== null) return { hours: releaseHours, source: 'release' };
  if (workspaceHours !== null) return { hours: workspaceHours, source: 'workspace' };
  return { hours: BUILT_IN_DEADLINE_HOURS, source: 'built-in' };
}

export function deadlineView(
  windowStart: string,
  policy: DeadlinePolicy,
  now: string,
  statuses: Readonly<Record<ReadinessState, ReadinessStatus>>,
): DeadlineView {
  const at = new Date(Date.parse(windowStart) - policy.hours * 3_600_000).toISOString();
  const passed = Date.parse(now) >= Date.parse(at);
  return {
    ...policy,
    at,
    passed,
    overdueStates: passed ? READINESS_STATES.filter((s) => statuses[s] === 'unasserted') : [],
  };
}
