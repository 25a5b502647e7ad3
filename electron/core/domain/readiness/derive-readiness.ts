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
import { ROLE_LABELS, type ReadinessPolicy, type Release } from '../../../contract/entities';
import { byClock } from './clock-order';
import { deadlineView, type DeadlinePolicy } from './deadline';
import { personNames, type PersonFacts } from '../person-names';
import { releaseGate } from './release-gate';
import { effectiveSignoff } from './signoff-rules';

export interface ReadinessFacts {
  release: Pick<Release, 'id' | 'name' | 'version' | 'status' | 'windowStart' | 'windowEnd' | 'timeZone'>;
  signoffs: readonly SignoffRecord[];
  checklist: readonly ChecklistItemView[];
  people: readonly PersonFacts[];
  deadline: DeadlinePolicy;
  /** The workspace's readiness policy: how the gate answers and how an unasserted state reads. */
  policy: ReadinessPolicy;
  /** Answer pending while any state is unasserted, whatever the policy (`gate --require-all`). */
  requireAll?: boolean;
  /** The instant to judge the deadline against (ISO-8601). */
  now: string;
  /** The zone the reader reads times in; default: the release's own. */
  zone?: string;
}

/** Everything shown about the readiness of one release, derived from its records. Pure: no clock, no store. */
export function deriveReadiness(facts: ReadinessFacts): ReadinessView {
  const names = personNames(facts.people);
  const statuses = {} as Record<ReadinessState, ReadinessStatus>;
  const effective = new Map(READINESS_STATES.map((state) => [state, effectiveSignoff(facts.signoffs, state)]));
  for (const state of READINESS_STATES) {
    const record = effective.get(state);
    statuses[state] = !record ? 'unasserted' : record.action === 'halt' ? 'halted' : 'asserted';
  }
  const deadline = deadlineView(facts.release.windowStart, facts.deadline, facts.now, statuses);
  const recorded = READINESS_STATES.map((state) => {
    const record = effective.get(state) ?? null;
    const role = EMPOWERED_ROLE_FOR[state];
    return {
      state,
      label: READINESS_STATE_LABELS[state],
      role,
      roleLabel: ROLE_LABELS[role],
      status: statuses[state],
      record,
      by: record ? names.ref(record.personId) : null,
      at: record?.at ?? null,
      comment: record?.comment ?? '',
    };
  });
  const { release } = facts;
  const { readings, ...gate } = releaseGate({ release, states: recorded, deadline, policy: facts.policy, requireAll: facts.requireAll, zone: facts.zone });
  const states = recorded.map(({ record, ...s }, index): ReadinessStateView => {
    const items = facts.checklist.filter((i) => i.state === s.state);
    const { word, note, attention, overdue } = readings[index];
    return {
      ...s,
      recordId: record?.id ?? null,
      waivedIssues: record?.waivedIssues ?? [],
      overdue,
      word,
      note,
      attention,
      checklist: {
        total: items.length,
        done: items.filter((i) => i.ticked).length,
        waived: items.filter((i) => !i.ticked && i.waived).length,
        blocking: items.filter((i) => i.blocking).map((i) => i.title),
      },
      empowered: facts.people.filter((p) => !p.deleted && p.roles.includes(s.role)).map((p) => names.ref(p.id)),
    };
  });
  const { id, name, version, status, windowStart, windowEnd, timeZone } = release;
  return {
    release: { id, name, version, status, windowStart, windowEnd, timeZone },
    states,
    gate,
    deadline,
    checklist: [...facts.checklist],
    signoffs: byClock(facts.signoffs),
  };
}
