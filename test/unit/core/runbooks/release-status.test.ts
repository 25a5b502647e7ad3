import { describe, expect, it } from 'vitest';
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
