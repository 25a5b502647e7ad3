import {
  EMPOWERED_ROLE_FOR,
  READINESS_STATE_LABELS,
  READINESS_STATES,
  type ChecklistItemView,
  type ReadinessState,
  type ReadinessStateView,
  type ReadinessStatus,
  type ReadinessView,
  type SignoffRecord,
} from '../../../contract/readiness-entities';
import { ROLE_LABELS, type Release } from '../../../contract/entities';
import { byClock } from './clock-order';
import { deadlineView, type DeadlinePolicy } from './deadline';
import { personNames, type PersonFacts } from './person-names';
import { presumptiveStatus } from './presumptive';
import { effectiveSignoff } from './signoff-rules';

export interface ReadinessFacts {
  release: Pick<Release, 'id' | 'name' | 'version' | 'status' | 'windowStart' | 'windowEnd' | 'timeZone'>;
  signoffs: readonly SignoffRecord[];
  checklist: readonly ChecklistItemView[];
  people: readonly PersonFacts[];
  deadline: DeadlinePolicy;
  /** The instant to judge the deadline against (ISO-8601). */
  now: string;
}

/** Everything shown about the readiness of one release, derived from its records. Pure: no clock, no store. */
export function deriveReadiness(facts: ReadinessFacts): ReadinessView {
  const names = personNames(facts.people);
  const statuses = {} as Record<ReadinessState, ReadinessStatus>;
  const effective = new Map(READINESS_STATES.map((state) => [state, effectiveSignoff(facts.signoffs, state)]));
  for (const state of READINESS_STATES) {
    const record = effective.get(state);
    statuses[state] = !record ? 'pending' : record.action === 'halt' ? 'halted' : 'asserted';
  }
  const deadline = deadlineView(facts.release.windowStart, facts.deadline, facts.now, statuses);
  const states = READINESS_STATES.map((state): ReadinessStateView => {
    const record = effective.get(state) ?? null;
    const role = EMPOWERED_ROLE_FOR[state];
    const items = facts.checklist.filter((i) => i.state === state);
    return {
      state,
      label: READINESS_STATE_LABELS[state],
      role,
      roleLabel: ROLE_LABELS[role],
      status: statuses[state],
      recordId: record?.id ?? null,
      by: record ? names.ref(record.personId) : null,
      at: record?.at ?? null,
      comment: record?.comment ?? '',
      waivedIssues: record?.waivedIssues ?? [],
      overdue: deadline.overdueStates.includes(state),
      checklist: {
        total: items.length,
        done: items.filter((i) => i.ticked).length,
        waived: items.filter((i) => !i.ticked && i.waived).length,
        blocking: items.filter((i) => i.blocking).map((i) => i.title),
      },
      empowered: facts.people.filter((p) => !p.deleted && p.roles.includes(role)).map((p) => names.ref(p.id)),
    };
  });
  const { id, name, version, status, windowStart, windowEnd, timeZone } = facts.release;
  return {
    release: { id, name, version, status, windowStart, windowEnd, timeZone },
    states,
    presumptive: presumptiveStatus(states),
    deadline,
    checklist: [...facts.checklist],
    signoffs: byClock(facts.signoffs),
  };
}
