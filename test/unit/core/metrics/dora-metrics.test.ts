import { describe, expect, it } from 'vitest';
import {
  BAND_TABLES,
  changeFailureRateBand,
  computeMetrics,
  deploymentFrequencyBand,
  leadTimeBand,
  median,
  metricsCsv,
  recoveryTimeBand,
  type DeploymentFacts,
  type MetricsFacts,
} from '../../../../electron/core/domain/metrics';

/**
 * A hand-built fortnight, 2026-11-02 (a Monday) to 2026-11-15, on production:
 *   d1 R1 Tue 3 Nov 10:00  succeeded                         changes c1 (committed 2 Nov 10:00 → 24 h), c2 (3 Nov 08:00 → 2 h)
 *   d2 R2 Thu 5 Nov 12:00  rolled back, incident 2 h         change c3 (4 Nov 12:00) not in production yet
 *   d3 R2 Tue 10 Nov 12:00 succeeded (redeploy), rework      c3 reaches production → 144 h
 *   d4 R3 Wed 11 Nov 09:00 succeeded, incident still open    change c4 (10 Nov 09:00 → 24 h)
 *   d5 R4 Thu 12 Nov 00:00 fixed forward, incident 30 min    no changes at all
 * plus d6 R1 on staging (not production) and d0 R1 on production in October (outside the period).
 */
const env = { prod: 'env-prod', staging: 'env-staging' };
const deployment = (
  id: string,
  releaseId: string,
  deployedAt: string,
  result: DeploymentFacts['result'],
  incidents: DeploymentFacts['incidents'] = [],
  environmentId = env.prod,
  rework = false,
): DeploymentFacts => ({ id, releaseId, environmentId, deployedAt, result, rework, incidents });

const facts: MetricsFacts = {
  environments: [
    { id: env.staging, name: 'staging', isProduction: false },
    { id: env.prod, name: 'production', isProduction: true },
  ],
  systems: [
    { id: 'sys-a', name: 'Payments API' },
    { id: 'sys-b', name: 'Web Shop' },
  ],
  people: [
    { id: 'p1', name: 'Priya' },
    { id: 'p2', name: 'Sofia' },
  ],
  releases: [
    { id: 'R1', systemIds: ['sys-a'], ownerId: 'p1' },
    { id: 'R2', systemIds: ['sys-b'], ownerId: 'p2' },
    { id: 'R3', systemIds: ['sys-a'], ownerId: 'p1' },
    { id: 'R4', systemIds: ['sys-b'], ownerId: null },
  ],
  deployments: [
    deployment('d0', 'R1', '2026-10-20T10:00:00Z', 'succeeded'),
    deployment('d1', 'R1', '2026-11-03T10:00:00Z', 'succeeded'),
    deployment('d2', 'R2', '2026-11-05T12:00:00Z', 'rolled-back', [{ startedAt: '2026-11-05T12:30:00Z', restoredAt: '2026-11-05T14:30:00Z' }]),
    deployment('d3', 'R2', '2026-11-10T12:00:00Z', 'succeeded', [], env.prod, true),
    deployment('d4', 'R3', '2026-11-11T09:00:00Z', 'succeeded', [{ startedAt: '2026-11-11T10:00:00Z', restoredAt: null }]),
    deployment('d5', 'R4', '2026-11-12T00:00:00Z', 'fixed-forward', [{ startedAt: '2026-11-12T01:00:00Z', restoredAt: '2026-11-12T01:30:00Z' }]),
    deployment('d6', 'R1', '2026-11-02T10:00:00Z', 'succeeded', [], env.staging),
  ],
  changes: [
    { releaseId: 'R1', committedAt: '2026-11-02T10:00:00Z' },
    { releaseId: 'R1', committedAt: '2026-11-03T08:00:00Z' },
    { releaseId: 'R2', committedAt: '2026-11-04T12:00:00Z' },
    { releaseId: 'R3', committedAt: '2026-11-10T09:00:00Z' },
  ],
};

const fortnight = { from: '2026-11-02', to: '2026-11-15', bucket: 'week' as const };

describe('DORA metrics on a hand-built fortnight', () => {
  it('matches the hand calculation for the whole period, banded by the 2024 report', () => {
    const { summary, environments, reportYear, thresholds } = computeMetrics(facts, fortnight);
    expect([reportYear, thresholds]).toEqual([2024, 'DORA, Accelerate State of DevOps 2024']);
    expect(environments).toEqual(['production']);
    // Reached production: d1, d3, d4, d5 (fixed forward did reach it) = 4 in 14 days = 2 per week; 4/14 a day ≥ monthly → high.
    expect(summary.deploymentFrequency).toEqual({ deployments: 4, perWeek: 2, band: 'high' });
    // Lead times 2, 24, 24, 144 h → median (24 + 24) / 2 = 24 h: not under a day, ≤ one week → high. d5 carried no change.
    expect(summary.leadTime).toEqual({ medianHours: 24, changes: 4, band: 'high' });
    // Production deployments d1–d5 = 5; failures d2 (rolled back), d4 (incident), d5 (fixed forward) = 3 → 60 % → low.
    expect(summary.changeFailureRate).toEqual({ rate: 0.6, failures: 3, deployments: 5, band: 'low' });
    // Restored: 2 h and 0.5 h → median 1.25 h (< one day → high); d4's incident is still open and left out.
    expect(summary.failedDeploymentRecoveryTime).toEqual({ medianHours: 1.25, restored: 2, open: 1, band: 'high' });
    // Rework: d3 of the 5 production deployments; a figure without bands.
    expect(summary.reworkRate).toEqual({ rate: 0.2, rework: 1, deployments: 5 });
  });

  it('splits the trend into ISO weeks', () => {
    const { trend } = computeMetrics(facts, fortnight);
    expect(trend.map((p) => [p.start, p.label])).toEqual([
      ['2026-11-02', '2 Nov'],
      ['2026-11-09', '9 Nov'],
    ]);
    const [first, second] = trend.map((p) => p.summary);
    // Week 1: d1 reached (1 per week); lead times 24 and 2 → 13 h; 1 failure of 2; incident of d2: 2 h.
    expect(first.deploymentFrequency.deployments).toBe(1);
    expect(first.deploymentFrequency.perWeek).toBe(1);
    expect(first.leadTime.medianHours).toBe(13);
    expect(first.changeFailureRate.rate).toBe(0.5);
    expect(first.failedDeploymentRecoveryTime).toMatchObject({ medianHours: 2, restored: 1, open: 0 });
    expect(first.reworkRate).toEqual({ rate: 0, rework: 0, deployments: 2 });
    // Week 2: d3, d4, d5 reached; lead times 144 and 24 → 84 h; 2 failures of 3; 0.5 h restored and one open.
    expect(second.deploymentFrequency.deployments).toBe(3);
    expect(second.leadTime.medianHours).toBe(84);
    expect(second.changeFailureRate.rate).toBe(0.6667);
    expect(second.failedDeploymentRecoveryTime).toMatchObject({ medianHours: 0.5, restored: 1, open: 1 });
    expect(second.reworkRate).toEqual({ rate: 0.3333, rework: 1, deployments: 3 });
  });

  it('filters by system: Payments API has d1 and d4 only, and no restored incident', () => {
    const { summary, bySystem } = computeMetrics(facts, { ...fortnight, systemId: 'sys-a' });
    expect(summary.deploymentFrequency.deployments).toBe(2);
    expect(summary.leadTime).toEqual({ medianHours: 24, changes: 3, band: 'high' });
    expect(summary.changeFailureRate).toMatchObject({ rate: 0.5, failures: 1, deployments: 2 });
    // An incident still open has no restore time: nothing to take a median of, so no band either.
    expect(summary.failedDeploymentRecoveryTime).toEqual({ medianHours: null, restored: 0, open: 1, band: null });
    expect(bySystem.map((r) => r.name)).toEqual(['Payments API']);
  });

  it('breaks down by system, team (release owner) and environment', () => {
    const view = computeMetrics(facts, fortnight);
    expect(view.bySystem.map((r) => [r.name, r.summary.changeFailureRate.deployments])).toEqual([
      ['Payments API', 2],
      ['Web Shop', 3],
    ]);
    expect(view.byTeam.map((r) => [r.name, r.summary.changeFailureRate.deployments])).toEqual([
      ['No owner', 1],
      ['Priya', 2],
      ['Sofia', 2],
    ]);
    expect(view.byEnvironment.map((r) => [r.name, r.summary.deploymentFrequency.deployments])).toEqual([
      ['staging', 1],
      ['production', 4],
    ]);
  });

  it('counts another environment as production when asked: staging has d6 and one change that reached it', () => {
    const { summary } = computeMetrics(facts, { ...fortnight, environmentId: env.staging });
    // d6 at 2 Nov 10:00 carries c1 (committed the same minute → 0 h); c2 was committed after it and has no lead time.
    expect(summary.deploymentFrequency.deployments).toBe(1);
    expect(summary.leadTime).toEqual({ medianHours: 0, changes: 1, band: 'elite' });
  });

  it('gives nothing to judge for a period without deployments', () => {
    const view = computeMetrics(facts, { from: '2026-12-01', to: '2026-12-07', bucket: 'month' });
    expect(view.summary).toEqual({
      deploymentFrequency: { deployments: 0, perWeek: 0, band: null },
      leadTime: { medianHours: null, changes: 0, band: null },
      changeFailureRate: { rate: null, failures: 0, deployments: 0, band: null },
      failedDeploymentRecoveryTime: { medianHours: null, restored: 0, open: 0, band: null },
      reworkRate: { rate: null, rework: 0, deployments: 0 },
    });
    expect(view.trend.map((p) => p.label)).toEqual(['Dec 2026']);
    expect(view.bySystem).toEqual([]);
    expect(view.byEnvironment).toEqual([]);
  });

  it('exports every figure as CSV', () => {
    const csv = metricsCsv(computeMetrics(facts, fortnight)).split('\r\n');
    expect(csv[0]).toMatch(/^section,key,name,deployments,deployments_per_week/);
    expect(csv[0]).toMatch(/,failed_deployment_recovery_median_hours,failed_deployment_recovery_band,rework_deployments,rework_rate,released,released_on_time,on_time_rate,/);
    expect(csv[1]).toBe(
      'period,2026-11-02..2026-11-15,"production (bands: DORA, Accelerate State of DevOps 2024; days in UTC)",4,2,high,4,24,high,5,3,0.6,low,2,1,1.25,high,1,0.2,0,0,,0,0,0,0,,,0,0,0,0,0',
    );
    expect(csv.filter((l) => l.startsWith('week,'))).toHaveLength(2);
    expect(csv.some((l) => l.startsWith('team,no-owner,No owner,'))).toBe(true);
  });
});

describe('performance bands by report year', () => {
  const t2021 = BAND_TABLES[2021];
  const t2023 = BAND_TABLES[2023];
  const t2024 = BAND_TABLES[2024];

  it('2021: places figures on the published ranges, gaps falling to the lower band', () => {
    expect(deploymentFrequencyBand(t2021, 1, 14)).toBe('elite');
    expect(deploymentFrequencyBand(t2021, 3 / 7, 3)).toBe('high'); // between daily and weekly: not on demand
    expect(deploymentFrequencyBand(t2021, 1 / 60, 1)).toBe('medium');
    expect(deploymentFrequencyBand(t2021, 1 / 365, 1)).toBe('low');
    expect(leadTimeBand(t2021, 0.5)).toBe('elite');
    expect(leadTimeBand(t2021, 5)).toBe('high'); // 1 h – 1 day sits in no published range
    expect(leadTimeBand(t2021, 24 * 20)).toBe('medium'); // 1 week – 1 month: lower band
    expect(leadTimeBand(t2021, 24 * 200)).toBe('low');
    expect(changeFailureRateBand(t2021, 0.15)).toBe('elite');
    expect(changeFailureRateBand(t2021, 0.3)).toBe('high');
    expect(changeFailureRateBand(t2021, 0.31)).toBe('low');
    expect(recoveryTimeBand(t2021, 0.99)).toBe('elite');
    expect(recoveryTimeBand(t2021, 23)).toBe('high');
    expect(recoveryTimeBand(t2021, 48)).toBe('medium');
    expect(recoveryTimeBand(t2021, 24 * 30)).toBe('low');
  });

  it('2023: elite lead time under a day, cluster change failure rates 5/10/15/64 %, medium where low shares its range', () => {
    expect(leadTimeBand(t2023, 5)).toBe('elite');
    expect(leadTimeBand(t2023, 24 * 20)).toBe('medium');
    expect(leadTimeBand(t2023, 24 * 40)).toBe('low');
    expect(deploymentFrequencyBand(t2023, 3 / 7, 3)).toBe('high');
    expect(deploymentFrequencyBand(t2023, 1 / 14, 2)).toBe('medium'); // fortnightly: medium and low share the range
    expect(deploymentFrequencyBand(t2023, 1 / 60, 1)).toBe('low');
    expect([0.05, 0.08, 0.12, 0.3].map((r) => changeFailureRateBand(t2023, r))).toEqual(['elite', 'high', 'medium', 'low']);
    expect([0.5, 5, 72, 24 * 30].map((h) => recoveryTimeBand(t2023, h))).toEqual(['elite', 'high', 'medium', 'low']);
  });

  it('2024: high is 20 % and medium 10 % change failure rate; high and medium share "under a day" recovery', () => {
    expect([0.05, 0.08, 0.15, 0.2, 0.25].map((r) => changeFailureRateBand(t2024, r))).toEqual(['elite', 'medium', 'high', 'high', 'low']);
    expect(leadTimeBand(t2024, 23)).toBe('elite');
    expect(leadTimeBand(t2024, 24)).toBe('high');
    expect(leadTimeBand(t2024, 24 * 25)).toBe('medium');
    expect(leadTimeBand(t2024, 24 * 60)).toBe('low');
    expect([0.5, 12, 48, 24 * 10].map((h) => recoveryTimeBand(t2024, h))).toEqual(['elite', 'high', 'low', 'low']);
    expect(deploymentFrequencyBand(t2024, 1 / 3, 5)).toBe('high');
    expect(deploymentFrequencyBand(t2024, 1 / 20, 1)).toBe('medium');
    expect(deploymentFrequencyBand(t2024, 1 / 90, 1)).toBe('low');
  });

  it('computes the same figures under every report, each banded by the report asked for', () => {
    const [y2021, y2023, y2024] = ([2021, 2023, 2024] as const).map((reportYear) => computeMetrics(facts, { ...fortnight, reportYear }));
    expect(y2021.summary.failedDeploymentRecoveryTime.medianHours).toBe(y2024.summary.failedDeploymentRecoveryTime.medianHours);
    expect([y2021, y2023, y2024].map((v) => v.thresholds)).toEqual([
      'DORA, Accelerate State of DevOps 2021',
      'DORA, Accelerate State of DevOps 2023',
      'DORA, Accelerate State of DevOps 2024',
    ]);
    // Week 1's lead time of 13 h: high by 2021 (a band is earned from one day), elite from 2023 on (under a day).
    expect([y2021, y2023, y2024].map((v) => v.trend[0].summary.leadTime.band)).toEqual(['high', 'elite', 'elite']);
    // Week 1's change failure rate of 50 %: low by every report.
    expect([y2021, y2023, y2024].map((v) => v.trend[0].summary.changeFailureRate.band)).toEqual(['low', 'low', 'low']);
  });

  it('takes the median of odd, even and empty lists', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});
