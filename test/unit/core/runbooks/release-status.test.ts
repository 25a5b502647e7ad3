import { describe, expect, it } from 'vitest';
import { releaseStatusForPhase } from '../../../../electron/core/domain/runbooks';

describe('the release status a runbook execution implies', () => {
  it('puts a release with its go in progress, then released or rolled back', () => {
    expect(releaseStatusForPhase('running', 'go')).toBe('in-progress');
    expect(releaseStatusForPhase('rolling-back', 'go')).toBe('in-progress');
    expect(releaseStatusForPhase('finished', 'in-progress')).toBe('released');
    expect(releaseStatusForPhase('rolled-back', 'in-progress')).toBe('rolled-back');
  });

  it('leaves a release without its go, or already final, as it is', () => {
    expect(releaseStatusForPhase('running', 'in-readiness')).toBeNull();
    expect(releaseStatusForPhase('finished', 'planned')).toBeNull();
    expect(releaseStatusForPhase('finished', 'cancelled')).toBeNull();
    expect(releaseStatusForPhase('rolled-back', 'released')).toBeNull();
    expect(releaseStatusForPhase('running', 'in-progress')).toBeNull();
  });
});
