import { RELEASE_STATUS_LABELS, type ReleaseStatus } from '../../contract/entities';
import type { GateAnswer } from '../../contract/readiness-entities';
import type { ExecutionPhase } from '../../contract/runbook-entities';
import { statusOfPhase } from './runbooks/release-status';

/**
 * One status everywhere (issue 18). A release's status is set by hand and by its runbook's execution; the gate
 * answers from the readiness records; the runbook has its phase. They must agree, and where they do not, every screen
 * says so in the same words: "The status says Go, but the readiness gate says Halted (Security by Amara Okafor)."
 */

export interface StatusFacts {
  status: ReleaseStatus;
  gate: Pick<GateAnswer, 'decision' | 'summary'>;
  /** The runbook that ran for the release (or the one planned, not started), or null without a runbook. */
  execution: { runbookName: string; phase: ExecutionPhase; rehearsal: boolean } | null;
}

const PHASE_WORDS: Record<ExecutionPhase, string> = {
  'not-started': 'has not started',
  running: 'is running',
  'step-failed': 'has a failed step',
  'rolling-back': 'is rolling back',
  finished: 'finished',
  'rolled-back': 'was rolled back',
  aborted: 'was aborted',
  failed: 'ended as failed',
};

/** Statuses in which the release is going, or has gone: the gate must not say otherwise. */
const GOING: readonly ReleaseStatus[] = ['go', 'in-progress'];

/** The disagreements in words, one sentence each; empty when status, gate and runbook agree. */
export function statusMismatches(facts: StatusFacts): string[] {
  const { status, gate, execution } = facts;
  const says = `the status says ${RELEASE_STATUS_LABELS[status]}`;
  const out: string[] = [];
  if (GOING.includes(status) && gate.decision !== 'go') {
    out.push(`${capital(says)}, but the readiness gate says ${gate.summary.replace(/\.$/, '')}.`);
  }
  if (execution && !execution.rehearsal) {
    const runbook = `the runbook ${execution.runbookName} ${PHASE_WORDS[execution.phase]}`;
    if (execution.phase === 'not-started') {
      if (status === 'in-progress') out.push(`${capital(says)}, but ${runbook}.`);
    } else if (statusOfPhase(execution.phase) !== status) {
      out.push(`${capital(runbook)}, but ${says}.`);
    }
  }
  return out;
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
