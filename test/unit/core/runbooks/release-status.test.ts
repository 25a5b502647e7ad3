import { describe, expect, it } from 'vitest';
import type { ExecutionPhase } from '../../../../electron/contract/runbook-entities';
import { statusMismatches } from '../../../../electron/core/domain/release-status-agreement';
import { deploymentResultForPhase, releaseStatusForPhase } from '../../../../electron/core/domain/runbooks';

describe('the release status a runbook execution implies', () => {
  it('puts the release in progress at the first start, then released, rolled back or aborted', () => {
    expect(releaseStatusForPhase('running', 'go')).toBe('in-progress');
    expect(releaseStatusForPhase('running', 'in-readiness')).toBe('in-progress');
    expect(releaseStatusForPhase('step-failed', 'planned')).toBe('in-progress');
    expect(releaseStatusForPhase('rolling-back', 'go')).toBe('in-progress');
    expect(releaseStatusForPhase('finished', 'in-progress')).toBe('released');
    expect(releaseStatusForPhase('rolled-back', 'in-progress')).toBe('rolled-back');
    expect(releaseStatusForPhase('aborted', 'in-progress')).toBe('aborted');
  });

  it('leaves an execution ended as failed in progress, and never moves a final release or a rehearsal', () => {
    expect(releaseStatusForPhase('failed', 'in-progress')).toBeNull();
    expect(releaseStatusForPhase('running', 'in-progress')).toBeNull();
    expect(releaseStatusForPhase('finished', 'cancelled')).toBeNull();
    expect(releaseStatusForPhase('rolled-back', 'released')).toBeNull();
    expect(releaseStatusForPhase('running', 'aborted')).toBeNull();
    expect(releaseStatusForPhase('running', 'in-readiness', true)).toBeNull();
    expect(releaseStatusForPhase('finished', 'in-progress', true)).toBeNull();
  });

  it('records a deployment for a finished, rolled-back or failed execution; none for an abort or a rehearsal', () => {
    expect(deploymentResultForPhase('finished', false)).toBe('succeeded');
    expect(deploymentResultForPhase('rolled-back', false)).toBe('rolled-back');
    expect(deploymentResultForPhase('failed', false)).toBe('failed');
    expect(deploymentResultForPhase('aborted', false)).toBeNull();
    expect(deploymentResultForPhase('running', false)).toBeNull();
    expect(deploymentResultForPhase('finished', true)).toBeNull();
  });
});

describe('one status everywhere: status, gate and execution agree, or say how they do not', () => {
  const go = { decision: 'go' as const, summary: 'Go: all four readiness states asserted.' };
  const halted = { decision: 'halted' as const, summary: 'Halted (Security by Amara Okafor: Open CVE in the TLS library).' };
  const pending = { decision: 'pending' as const, summary: 'Pending: not yet asserted: Product (Product owner).' };
  const ran = (phase: ExecutionPhase, rehearsal = false) => ({ runbookName: 'Payments cutover', phase, rehearsal });

  it('says so when the status says Go and the gate does not', () => {
    expect(statusMismatches({ status: 'go', gate: halted, execution: null })).toEqual([
      'The status says Go, but the readiness gate says Halted (Security by Amara Okafor: Open CVE in the TLS library).',
    ]);
    expect(statusMismatches({ status: 'go', gate: pending, execution: null })).toEqual([
      'The status says Go, but the readiness gate says Pending: not yet asserted: Product (Product owner).',
    ]);
    expect(statusMismatches({ status: 'in-progress', gate: halted, execution: ran('running') })).toHaveLength(1);
    // A release not yet claimed to go may be halted or pending: that is what readiness is for.
    expect(statusMismatches({ status: 'in-readiness', gate: halted, execution: null })).toEqual([]);
    expect(statusMismatches({ status: 'go', gate: go, execution: ran('not-started') })).toEqual([]);
  });

  it('says so when the runbook has run and the status says something else (a rollback left "In readiness")', () => {
    expect(statusMismatches({ status: 'in-readiness', gate: go, execution: ran('rolled-back') })).toEqual([
      'The runbook Payments cutover was rolled back, but the status says In readiness.',
    ]);
    expect(statusMismatches({ status: 'released', gate: go, execution: ran('aborted') })).toEqual([
      'The runbook Payments cutover was aborted, but the status says Released.',
    ]);
    expect(statusMismatches({ status: 'in-progress', gate: go, execution: ran('not-started') })).toEqual([
      'The status says In progress, but the runbook Payments cutover has not started.',
    ]);
    // As the execution set them: they agree. A rehearsal says nothing about the release.
    expect(statusMismatches({ status: 'rolled-back', gate: go, execution: ran('rolled-back') })).toEqual([]);
    expect(statusMismatches({ status: 'in-progress', gate: go, execution: ran('failed') })).toEqual([]);
    expect(statusMismatches({ status: 'released', gate: go, execution: ran('finished') })).toEqual([]);
    expect(statusMismatches({ status: 'planned', gate: go, execution: ran('finished', true) })).toEqual([]);
  });
});
