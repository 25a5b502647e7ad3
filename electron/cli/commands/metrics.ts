import { z } from 'zod';
import { LocalDate } from '../../contract/calendar-entities';
import { DEFAULT_DORA_REPORT_YEAR, DORA_REPORT_YEARS, DoraReportYear, TREND_BUCKETS, type MetricsSummary, type MetricsView } from '../../contract/outcomes-entities';
import type { WorkspaceSession } from '../../core';
import { defineCommand } from '../cli-command';
import { call } from '../call';
import { usageError } from '../cli-errors';
import { formatTable, printJson, printLine, printLines } from '../output';
import { DbOption, withDbOption, withWorkspace } from '../workspace-option';
import { environmentIdFor } from './export-calendar';

async function systemIdFor(session: WorkspaceSession, name: string | undefined): Promise<string | undefined> {
  if (name === undefined) return undefined;
  const systems = await call(session, 'systems.list', {});
  const found = systems.find((s) => s.id === name || s.name.toLowerCase() === name.toLowerCase());
  if (!found) throw usageError(`--system: there is no system named "${name}"; choose one of: ${systems.map((s) => s.name).join(', ')}`);
  return found.id;
}

const show = (value: number | null, unit: string) => (value === null ? '—' : `${value}${unit}`);

function summaryRows(m: MetricsSummary): string[][] {
  const band = (b: string | null) => b ?? '—';
  return [
    ['Deployment frequency', `${m.deploymentFrequency.perWeek} per week (${m.deploymentFrequency.deployments} deployments)`, band(m.deploymentFrequency.band)],
    ['Lead time for changes', `${show(m.leadTime.medianHours, ' h')} median (${m.leadTime.changes} changes)`, band(m.leadTime.band)],
    ['Change failure rate', `${percent(m.changeFailureRate.rate)} (${m.changeFailureRate.failures} of ${m.changeFailureRate.deployments})`, band(m.changeFailureRate.band)],
    [
      'Failed deployment recovery time',
      `${show(m.failedDeploymentRecoveryTime.medianHours, ' h')} median (${m.failedDeploymentRecoveryTime.restored} restored, ${m.failedDeploymentRecoveryTime.open} open)`,
      band(m.failedDeploymentRecoveryTime.band),
    ],
    ['Rework rate', `${percent(m.reworkRate.rate)} (${m.reworkRate.rework} of ${m.reworkRate.deployments})`, 'no bands'],
  ];
}

/** The release manager's figures, in the words of the Metrics screen. */
function managementRows(r: MetricsView['releaseManagement']): string[][] {
  const minutes = (m: number | null) => (m === null ? '—' : `${Math.floor(m / 60)} h ${Math.round(m % 60)} min`);
  const halts = Object.entries(r.haltsByState).map(([state, n]) => `${state} ${n}`).join(', ');
  return [
    ['On time', `${percent(r.onTime.rate)} (${r.onTime.onTime} of ${r.onTime.finished} released inside their window)`],
    ['No-gos', String(r.noGos)],
    ['Aborts', String(r.aborts)],
    ['Rollbacks', String(r.rollbacks)],
    ['Runbook time', `${minutes(r.runbookDuration.actualMinutesMedian)} median actual, ${minutes(r.runbookDuration.plannedMinutesMedian)} planned (${r.runbookDuration.runs} runs, ${r.runbookDuration.overran} over)`],
    ['Halts by state', halts],
    ['Collisions accepted', String(r.collisionsAccepted)],
  ];
}

const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 1000) / 10} %`);

/**
 * The JSON as the API returns it, plus each summary's fourth key under its pre-2023 name, "timeToRestore": scripts
 * written against the older name keep working.
 */
function withOldNames(view: MetricsView) {
  const alias = (m: MetricsSummary) => ({ ...m, timeToRestore: m.failedDeploymentRecoveryTime });
  const rows = (list: MetricsView['bySystem']) => list.map((r) => ({ ...r, summary: alias(r.summary) }));
  return {
    ...view,
    summary: alias(view.summary),
    trend: view.trend.map((p) => ({ ...p, summary: alias(p.summary) })),
    bySystem: rows(view.bySystem),
    byTeam: rows(view.byTeam),
    byEnvironment: rows(view.byEnvironment),
  };
}

export const metricsCommand = defineCommand({
  path: ['metrics'],
  description:
    "DORA metrics over a period (this machine's days, both included): deployment frequency, lead time, change failure rate, failed deployment recovery time, rework rate; and the release manager's figures: on time, no-gos, aborts, rollbacks, runbook time, halts, collisions accepted.",
  configure: (command) =>
    withDbOption(command)
      .requiredOption('--from <date>', 'first day, YYYY-MM-DD')
      .requiredOption('--to <date>', 'last day, YYYY-MM-DD')
      .option('--system <name>', 'only releases of this system')
      .option('--environment <name>', 'count this environment instead of the production ones')
      .option('--bucket <week|month>', 'trend points by week or month', 'week')
      .option('--dora-year <year>', `whose performance bands: the DORA report of ${DORA_REPORT_YEARS.join(', ')}`, String(DEFAULT_DORA_REPORT_YEAR))
      .option('--json', 'print every figure as JSON (the API contract shape)'),
  options: z.object({
    db: DbOption,
    from: LocalDate,
    to: LocalDate,
    system: z.string().trim().min(1).optional(),
    environment: z.string().trim().min(1).optional(),
    bucket: z.enum(TREND_BUCKETS, { message: 'must be week or month' }),
    doraYear: z.coerce.number().pipe(DoraReportYear),
    json: z.boolean().default(false),
  }),
  run: async ({ db, from, to, system, environment, bucket, doraYear, json }) => {
    const view = await withWorkspace(db, 'existing', async (session) =>
      call(session, 'metrics.compute', {
        from,
        to,
        bucket,
        systemId: await systemIdFor(session, system),
        environmentId: await environmentIdFor(session, environment),
        reportYear: doraYear,
      }),
    );
    if (json) return printJson(withOldNames(view));
    printLine(`DORA metrics ${view.from} to ${view.to} (days in ${view.timeZone}) on ${view.environments.join(', ') || 'no production environment'}${system ? `, system ${system}` : ''}`);
    printLines(formatTable(['metric', 'value', 'band'], summaryRows(view.summary)));
    printLine(`Bands: ${view.thresholds}.`);
    printLine('');
    printLine('Release management');
    printLines(formatTable(['figure', 'value'], managementRows(view.releaseManagement)));
  },
});
