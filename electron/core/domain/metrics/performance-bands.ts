import type { DoraReportYear, PerformanceBand } from '../../../contract/outcomes-entities';

/**
 * DORA's performance bands, one table per Accelerate State of DevOps report (docs/metrics.md cites each threshold).
 * The reports publish ranges (2021) or cluster values (2023, 2024: one change failure rate per cluster), with gaps
 * and overlaps. So that every figure gets exactly one band, a table is a list of rungs tried best first: a figure
 * gets the band of the first rung it reaches. Hence a figure between two published values falls in the lower band
 * (a band is earned only once its value is reached), and where the report gives two bands the same range the better
 * one is listed and the other never given.
 */
type Rule = '<' | '<=' | '>=';
interface Rung {
  band: PerformanceBand;
  rule: Rule;
  limit: number;
}

export interface BandTable {
  year: DoraReportYear;
  source: string;
  /** Deployments that reached production per day (higher is better). */
  deploymentFrequency: Rung[];
  /** Median hours from commit to production. */
  leadTime: Rung[];
  /** Share of production deployments that failed. */
  changeFailureRate: Rung[];
  /** Median hours from a failed deployment's incident to its recovery. */
  recoveryTime: Rung[];
}

const DAY = 24;
const WEEK = 7 * DAY;
/** A month and six months as the reports mean them: a twelfth and a half of a year. */
const MONTH_DAYS = 365 / 12;
const MONTH = MONTH_DAYS * DAY;
const SIX_MONTHS = 6 * MONTH;

const rung = (band: PerformanceBand, rule: Rule, limit: number): Rung => ({ band, rule, limit });
/** On demand (daily or more), at least weekly, at least monthly, at least every six months. */
const DAILY = 1;
const WEEKLY = 1 / 7;
const MONTHLY = 1 / MONTH_DAYS;
const SIX_MONTHLY = 1 / (6 * MONTH_DAYS);

export const BAND_TABLES: Record<DoraReportYear, BandTable> = {
  2021: {
    year: 2021,
    source: 'DORA, Accelerate State of DevOps 2021',
    // Elite on demand; high weekly to monthly; medium monthly to every six months; low fewer (gaps fall lower).
    deploymentFrequency: [rung('elite', '>=', DAILY), rung('high', '>=', MONTHLY), rung('medium', '>=', SIX_MONTHLY)],
    // Elite under an hour; high a day to a week; medium a month to six months; low more.
    leadTime: [rung('elite', '<', 1), rung('high', '<=', WEEK), rung('medium', '<=', SIX_MONTHS)],
    // Elite 0–15 %; high, medium and low are all given 16–30 %: the best of them, high; above 30 % low.
    changeFailureRate: [rung('elite', '<=', 0.15), rung('high', '<=', 0.3)],
    // Elite under an hour; high under a day; medium a day to a week; low more.
    recoveryTime: [rung('elite', '<', 1), rung('high', '<', DAY), rung('medium', '<=', WEEK)],
  },
  2023: {
    year: 2023,
    source: 'DORA, Accelerate State of DevOps 2023',
    // Elite on demand; high daily to weekly; medium and low both weekly to monthly: medium; low below monthly.
    deploymentFrequency: [rung('elite', '>=', DAILY), rung('high', '>=', WEEKLY), rung('medium', '>=', MONTHLY)],
    // Elite under a day; high a day to a week; medium and low both a week to a month: medium; low more.
    leadTime: [rung('elite', '<', DAY), rung('high', '<=', WEEK), rung('medium', '<=', MONTH)],
    // Cluster values 5 %, 10 %, 15 %, 64 %.
    changeFailureRate: [rung('elite', '<=', 0.05), rung('high', '<=', 0.1), rung('medium', '<=', 0.15)],
    // Elite under an hour; high under a day; medium a day to a week; low a month to six months (and the gap).
    recoveryTime: [rung('elite', '<', 1), rung('high', '<', DAY), rung('medium', '<=', WEEK)],
  },
  2024: {
    year: 2024,
    source: 'DORA, Accelerate State of DevOps 2024',
    // Elite on demand; high daily to weekly; medium weekly to monthly; low monthly to every six months, and less.
    deploymentFrequency: [rung('elite', '>=', DAILY), rung('high', '>=', WEEKLY), rung('medium', '>=', MONTHLY)],
    // Elite under a day; high a day to a week; medium a week to a month; low a month to six months, and more.
    leadTime: [rung('elite', '<', DAY), rung('high', '<=', WEEK), rung('medium', '<=', MONTH)],
    // Cluster values: elite 5 %, medium 10 %, high 20 %, low 40 %: in 2024 medium failed less often than high.
    changeFailureRate: [rung('elite', '<=', 0.05), rung('medium', '<=', 0.1), rung('high', '<=', 0.2)],
    // Elite under an hour; high and medium both under a day: high; low a week to a month (and the gap above a day).
    recoveryTime: [rung('elite', '<', 1), rung('high', '<', DAY)],
  },
};

function bandOf(figure: number | null, rungs: readonly Rung[]): PerformanceBand | null {
  if (figure === null) return null;
  const reached = rungs.find(({ rule, limit }) => (rule === '<' ? figure < limit : rule === '<=' ? figure <= limit : figure >= limit));
  return reached?.band ?? 'low';
}

export function deploymentFrequencyBand(table: BandTable, perDay: number, deployments: number): PerformanceBand | null {
  return deployments === 0 ? null : bandOf(perDay, table.deploymentFrequency);
}

export function leadTimeBand(table: BandTable, medianHours: number | null): PerformanceBand | null {
  return bandOf(medianHours, table.leadTime);
}

export function changeFailureRateBand(table: BandTable, rate: number | null): PerformanceBand | null {
  return bandOf(rate, table.changeFailureRate);
}

export function recoveryTimeBand(table: BandTable, medianHours: number | null): PerformanceBand | null {
  return bandOf(medianHours, table.recoveryTime);
}
