import {
  GATE_EXIT_CODES,
  type GateView,
  type PresumptiveView,
  type ReadinessStateView,
} from '../../../contract/readiness-entities';
import { RELEASE_STATUS_LABELS, type ReleaseStatus } from '../../../contract/entities';

/**
 * Presumptive release (BRIEF.md): a release is presumed to go. It is halted when any state is halted (who and
 * why), pending while any state is not yet asserted (which, and the role that must act), and go once all four are
 * asserted.
 */
export function presumptiveStatus(states: readonly ReadinessStateView[]): PresumptiveView {
  const halts = states
    .filter((s) => s.status === 'halted')
    .map((s) => ({ state: s.state, label: s.label, by: s.by!, reason: s.comment, at: s.at! }));
  const missing = states
    .filter((s) => s.status === 'pending')
    .map((s) => ({ state: s.state, label: s.label, role: s.role, roleLabel: s.roleLabel }));
  if (halts.length > 0) {
    const who = halts.map((h) => `${h.label} by ${h.by.name}: ${h.reason}`).join('; ');
    return { status: 'halted', halts, missing, summary: `Halted (${who}).` };
  }
  if (missing.length > 0) {
    const what = missing.map((m) => `${m.label} (${m.roleLabel})`).join(', ');
    return { status: 'pending', halts, missing, summary: `Pending: not yet asserted: ${what}.` };
  }
  return { status: 'go', halts, missing, summary: 'Go: all four readiness states asserted.' };
}

/** Lifecycle states in which a release must not go whatever its sign-offs say. */
const STOPPED: readonly ReleaseStatus[] = ['cancelled', 'rolled-back', 'aborted'];

/** The pipeline gate: 0 may go, 3 halted (who and why), 4 pending (what is missing). */
export function gateDecision(
  release: { id: string; name: string; version: string; status: ReleaseStatus },
  presumptive: PresumptiveView,
): Omit<GateView, 'signoffs'> {
  const base = { releaseId: release.id, name: release.name, version: release.version, presumptive };
  const title = `${release.name} ${release.version}`;
  if (STOPPED.includes(release.status)) {
    return {
      ...base,
      decision: 'halted',
      exitCode: GATE_EXIT_CODES.halted,
      lines: [`${title} is HALTED: the release is ${RELEASE_STATUS_LABELS[release.status]}.`],
    };
  }
  switch (presumptive.status) {
    case 'go':
      return { ...base, decision: 'go', exitCode: GATE_EXIT_CODES.go, lines: [`${title} may GO: all four readiness states are asserted.`] };
    case 'halted':
      return {
        ...base,
        decision: 'halted',
        exitCode: GATE_EXIT_CODES.halted,
        lines: [
          `${title} is HALTED.`,
          ...presumptive.halts.map((h) => `  ${h.label} halted by ${h.by.name} at ${h.at}: ${h.reason}`),
        ],
      };
    case 'pending':
      return {
        ...base,
        decision: 'pending',
        exitCode: GATE_EXIT_CODES.pending,
        lines: [
          `${title} is PENDING: ${presumptive.missing.length} readiness state(s) not yet asserted.`,
          ...presumptive.missing.map((m) => `  ${m.label}: waiting for the ${m.roleLabel} to assert it.`),
        ],
      };
  }
}
