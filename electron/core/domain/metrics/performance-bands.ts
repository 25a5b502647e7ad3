import type { PerformanceBand } from '../../../contract/outcomes-entities';

/**
 * DORA's performance bands, from the 2021 Accelerate State of DevOps report (its "Software delivery performance"
 * table), the last report with all four bands (2022 had no elite; 2023 gave cluster averages, not ranges).
 * docs/metrics.md cites it and explains how gaps and overlaps between the published ranges are resolved: a figure
 * between two ranges falls in the lower band (a band is earned only when its range is reached), and where the
 * report gives several bands the same range (change failure rate 16–30 %) the best of them is given.
 */
export const THRESHOLDS_SOURCE = 'DORA, Accelerate State of DevOps 2021';

const SIX_MONTHS_DAYS = 365 / 2;

/** Elite: on demand (daily or more); high: at least monthly; medium: at least once every six months. */
export function deploymentFrequencyBand(perDay: number, deployments: number): PerformanceBand | null {
  if (deployments === 0) return null;
  if (perDay >= 1) return 'elite';
  if (perDay >= 12 / 365) return 'high';
  if (perDay >= 1 / SIX_MONTHS_DAYS) return 'medium';
  return 'low';
}

/** Elite: under an hour; high: up to a week; medium: up to six months; low: more. */
export function leadTimeBand(medianHours: number | null): PerformanceBand | null {
  if (medianHours === null) return null;
  if (medianHours < 1) return 'elite';
  if (medianHours <= 7 * 24) return 'high';
  if (medianHours <= SIX_MONTHS_DAYS * 24) return 'medium';
  return 'low';
}

/** Elite: 0–15 %; high: 16–30 % (the report gives high, medium and low all 16–30 %); low: above every range. */
export function changeFailureRateBand(rate: number | null): PerformanceBand | null {
  if (rate === null) return null;
  if (rate <= 0.15) return 'elite';
  if (rate <= 0.3) return 'high';
  return 'low';
}

/** Elite: under an hour; high: under a day; medium: up to a week; low: more. */
export function timeToRestoreBand(medianHours: number | null): PerformanceBand | null {
  if (medianHours === null) return null;
  if (medianHours < 1) return 'elite';
  if (medianHours < 24) return 'high';
  if (medianHours <= 7 * 24) return 'medium';
  return 'low';
}
