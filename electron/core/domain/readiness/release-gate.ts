import { RELEASE_STATUS_LABELS, READINESS_POLICY_LABELS, READINESS_POLICY_RULES, type ReadinessPolicy, type ReleaseStatus } from '../../../contract/entities';
import {
  GATE_EXIT_CODES,
  type GateAnswer,
  type GateDecision,
  type ReadinessAttention,
  type ReadinessStateView,
} from '../../../contract/readiness-entities';
import { formatLocal } from '../calendar/zoned-time';

/** One readiness state as its records leave it: who asserted or halted it, or nobody. */
export type GateStateFacts = Pick<ReadinessStateView, 'state' | 'label' | 'role' | 'roleLabel' | 'status' | 'by' | 'at' | 'comment'>;

export interface GateFacts {
  release: { name: string; version: string; status: ReleaseStatus; timeZone: string };
  states: readonly GateStateFacts[];
  /** When readiness is due (ISO-8601) and whether that moment has passed. */
  deadline: { at: string; passed: boolean };
  policy: ReadinessPolicy;
  /** Pending while any state is unasserted, whatever the policy (`gate --require-all`). */
  requireAll?: boolean;
  /** The zone the reader reads times in (the viewer's, or the machine's for `gate`); default: the release's. */
  zone?: string;
}

/** How one state reads under the policy: the word on its badge, the sentence beside it, and what it asks for. */
export interface StateReading {
  state: GateStateFacts['state'];
  word: string;
  note: string;
  attention: ReadinessAttention;
  overdue: boolean;
}

/** Lifecycle states in which a release must not go whatever its sign-offs say. */
const STOPPED: readonly ReleaseStatus[] = ['cancelled', 'rolled-back', 'aborted'];

/**
 * The gate's answer for one release under the workspace policy. Everything that shows readiness calls this one
 * function (the board, the release drawer, the meeting agenda and minutes, the CLI, the pipeline gate, the runbook's
 * readiness step), so a policy reads the same everywhere.
 *
 * - A halted state, or a cancelled or rolled-back release, halts it (exit 3), under either policy.
 * - Presumptive (seeds: "DevSecOps and Release Coordination"): every announced release goes unless an empowered
 *   role halts it. A state nobody asserted is "not asserted: presumed ready": a reminder to its empowered role until
 *   the readiness deadline, a warning after it; the gate says go (exit 0) and prints them.
 * - Explicit, or any policy with `requireAll`: the release is pending (exit 4) until all four are asserted.
 */
export function releaseGate(facts: GateFacts): GateAnswer & { readings: StateReading[] } {
  const { release, policy, deadline } = facts;
  const requireAll = facts.requireAll === true;
  const strict = policy === 'explicit' || requireAll;
  const zone = facts.zone ?? release.timeZone;
  const when = (at: string) => `${formatLocal(Date.parse(at), zone)} ${zone}`;
  const due = when(deadline.at);
  const title = `${release.name} ${release.version}`;

  const readings = facts.states.map((s) => readState(s, policy, deadline.passed, due));
  const halts = facts.states
    .filter((s) => s.status === 'halted')
    .map((s) => ({ state: s.state, label: s.label, by: s.by!, reason: s.comment, at: s.at! }));
  const unasserted = facts.states
    .map((s, i) => ({ s, reading: readings[i] }))
    .filter(({ s }) => s.status === 'unasserted')
    .map(({ s, reading }) => ({ state: s.state, label: s.label, role: s.role, roleLabel: s.roleLabel, attention: reading.attention, note: reading.note }));

  const policyLine =
    `Readiness policy: ${READINESS_POLICY_LABELS[policy].toLowerCase()} (${READINESS_POLICY_RULES[policy]})` +
    (requireAll && policy !== 'explicit' ? '; this gate requires all four assertions.' : '.');
  const answer = (decision: GateDecision, summary: string, details: string[]) => ({
    policy,
    requireAll,
    decision,
    exitCode: GATE_EXIT_CODES[decision],
    halts,
    unasserted,
    summary,
    lines: [policyLine, ...details],
    readings,
  });
  const notes = unasserted.map((u) => `  ${u.attention === 'warning' ? 'Warning' : 'Reminder'}: ${u.label}: ${u.note}`);

  if (STOPPED.includes(release.status)) {
    const why = `the release is ${RELEASE_STATUS_LABELS[release.status]}`;
    return answer('halted', `Halted: ${why}.`, [`${title} is HALTED: ${why}.`]);
  }
  if (halts.length > 0) {
    const who = halts.map((h) => `${h.label} by ${h.by.name}: ${h.reason}`).join('; ');
    return answer('halted', `Halted (${who}).`, [
      `${title} is HALTED.`,
      ...halts.map((h) => `  ${h.label} halted by ${h.by.name} at ${when(h.at)}: ${h.reason}`),
    ]);
  }
  if (unasserted.length === 0) {
    return answer('go', 'Go: all four readiness states asserted.', [`${title} may GO: all four readiness states are asserted.`]);
  }
  const names = unasserted.map((u) => `${u.label} (${u.roleLabel})`).join(', ');
  if (strict) {
    const why = policy === 'explicit' ? 'the explicit-assertion policy requires all four' : 'this gate requires all four';
    return answer('pending', `Pending: not yet asserted: ${names}.`, [
      `${title} is PENDING: ${unasserted.length} readiness state(s) not yet asserted, and ${why}.`,
      ...unasserted.map((u) => `  ${u.label}: waiting for the ${u.roleLabel} to assert it (due ${due}).`),
    ]);
  }
  const late = unasserted.filter((u) => u.attention === 'warning').length;
  const lateNote = late > 0 ? `; ${late} past the readiness deadline` : '';
  return answer('go', `Go: nothing is halted; not asserted, presumed ready: ${names}${lateNote}.`, [
    `${title} may GO: nothing is halted; ${unasserted.length} readiness state(s) not asserted: presumed ready.`,
    ...notes,
  ]);
}

function readState(s: GateStateFacts, policy: ReadinessPolicy, passed: boolean, due: string): StateReading {
  const base = { state: s.state, overdue: false, attention: 'none' as ReadinessAttention, note: '' };
  if (s.status === 'asserted') return { ...base, word: 'Asserted' };
  if (s.status === 'halted') return { ...base, word: 'Halted' };
  const attention: ReadinessAttention = passed ? 'warning' : 'reminder';
  if (policy === 'presumptive') {
    const note = passed
      ? `Not asserted: presumed ready. The readiness deadline (${due}) passed without word from the ${s.roleLabel}.`
      : `Not asserted: presumed ready. The ${s.roleLabel} may assert or halt it until ${due}.`;
    return { state: s.state, overdue: passed, attention, word: 'Presumed ready', note };
  }
  const note = passed
    ? `Overdue: the readiness deadline (${due}) has passed; the release waits for the ${s.roleLabel} to assert it.`
    : `Pending: the release waits for the ${s.roleLabel} to assert it, due ${due}.`;
  return { state: s.state, overdue: passed, attention, word: passed ? 'Overdue' : 'Pending', note };
}
