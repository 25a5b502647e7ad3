import type { Collision } from '../../../contract/calendar-entities';
import type { AgendaItem, EnvironmentPreparedView, MeetingDecisionView } from '../../../contract/meetings-entities';
import type { ReadinessBoardRow } from '../../../contract/readiness-entities';
import type { PersonNames } from '../readiness';
import { decisionsByRelease } from './decisions';

export interface AgendaRelease {
  readiness: ReadinessBoardRow;
  environmentIds: readonly string[];
  systemIds: readonly string[];
}

export interface EnvironmentCheckFacts {
  environmentId: string;
  prepared: boolean;
  note: string;
  /** Who last changed it and when (from the change log), or null when it was never recorded. */
  by: string | null;
  at: string | null;
}

export interface AgendaFacts {
  releases: readonly AgendaRelease[];
  collisions: readonly Collision[];
  decisions: readonly MeetingDecisionView[];
  checks: readonly EnvironmentCheckFacts[];
  /** Every environment, in path-to-production order: the target environments are listed in that order. */
  environments: readonly { id: string; name: string }[];
  names: PersonNames;
}

/**
 * The agenda: each release in range with its readiness, the collisions that involve it and the decision in effect;
 * and each environment those releases target, with whether the meeting recorded it as prepared (not yet recorded
 * counts as not prepared: the meeting has to say so).
 */
export function buildAgenda(facts: AgendaFacts): { agenda: AgendaItem[]; environments: EnvironmentPreparedView[] } {
  const decided = decisionsByRelease(facts.decisions);
  const agenda = facts.releases.map(({ readiness, environmentIds, systemIds }) => {
    const id = readiness.release.id;
    const entry = decided.get(id);
    return {
      ...readiness,
      environmentIds: [...environmentIds],
      systemIds: [...systemIds],
      collisions: facts.collisions.filter((c) => c.releaseIds.includes(id)),
      decision: entry?.current ?? null,
      decisions: entry?.all ?? [],
    };
  });
  const checks = new Map(facts.checks.map((c) => [c.environmentId, c]));
  const environments = facts.environments
    .map(({ id, name }) => ({ id, name, releaseIds: agenda.filter((a) => a.environmentIds.includes(id)).map((a) => a.release.id) }))
    .filter((e) => e.releaseIds.length > 0)
    .map(({ id, name, releaseIds }) => {
      const check = checks.get(id);
      return {
        environmentId: id,
        name,
        prepared: check?.prepared ?? false,
        note: check?.note ?? '',
        by: check?.by ? facts.names.ref(check.by) : null,
        at: check?.at ?? null,
        releaseIds,
      };
    });
  return { agenda, environments };
}
