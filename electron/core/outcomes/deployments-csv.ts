import { fieldLabel } from '../../contract/field-messages';
import type { Environment, Release } from '../../contract/entities';
import { DeploymentRecordInput, type CsvRowPreview } from '../../contract/outcomes-entities';
import { findReleaseByRef } from '../domain/readiness';
import type { HandlerContext } from '../api/handler-context';
import { parseCsv } from './csv-rows';
import { deploymentProblems, type DeploymentRecord } from './deployment-writes';

/** The documented column set (docs/metrics.md). Header names are matched without regard to case or spaces. */
export const CSV_COLUMNS = [
  'release',
  'environment',
  'deployed_at',
  'result',
  'note',
  'rework',
  'incident_title',
  'incident_reference',
  'incident_started_at',
  'incident_restored_at',
] as const;
type Column = (typeof CSV_COLUMNS)[number];
const REQUIRED: readonly Column[] = ['release', 'environment', 'deployed_at', 'result'];

/** API field → the CSV column a person sees in their spreadsheet. */
const COLUMN_OF: Record<string, Column> = {
  releaseId: 'release',
  environmentId: 'environment',
  deployedAt: 'deployed_at',
  result: 'result',
  note: 'note',
  rework: 'rework',
  title: 'incident_title',
  reference: 'incident_reference',
  startedAt: 'incident_started_at',
  restoredAt: 'incident_restored_at',
};

export interface CheckedCsv {
  rows: CsvRowPreview[];
  records: DeploymentRecord[];
}

/** A problem with the file as a whole (no header, a column it does not know): nothing in it can be read. */
export class CsvFileError extends Error {}

const normalize = (header: string) => header.trim().toLowerCase().replace(/[\s-]+/g, '_');

/**
 * Checks every row of a deployments CSV against the same rules the API applies, and says per row and column what is
 * wrong. Nothing is written here: the caller imports the records only when every row is good.
 */
export function checkDeploymentsCsv(ctx: HandlerContext, content: string): CheckedCsv {
  let parsed;
  try {
    parsed = parseCsv(content);
  } catch (error) {
    throw new CsvFileError((error as Error).message);
  }
  const [header, ...body] = parsed;
  if (!header) throw new CsvFileError(`The file is empty: the first line must name the columns (${REQUIRED.join(', ')}).`);
  const columns = header.cells.map(normalize);
  const unknown = columns.filter((c) => !(CSV_COLUMNS as readonly string[]).includes(c));
  if (unknown.length > 0) throw new CsvFileError(`Column "${unknown[0]}" is not one Release Desk reads; the columns are: ${CSV_COLUMNS.join(', ')}.`);
  const missing = REQUIRED.filter((c) => !columns.includes(c));
  if (missing.length > 0) throw new CsvFileError(`The file has no "${missing[0]}" column; required columns: ${REQUIRED.join(', ')}.`);
  if (body.length === 0) throw new CsvFileError('The file has a header but no deployments.');

  const releases = ctx.store.reader.list('release');
  const environments = ctx.store.reader.list('environment');
  const checked = body.map((row) => {
    const value = (column: Column) => (row.cells[columns.indexOf(column)] ?? '').trim();
    return checkRow(ctx, row.line, value, releases, environments);
  });
  // Two rows of the same file describing one deployment would each pass the duplicate check on their own.
  const seen = new Map<string, number>();
  checked.forEach(({ preview, record }) => {
    if (!record) return;
    const key = `${record.releaseId}|${record.environmentId}|${Date.parse(record.deployedAt)}`;
    const first = seen.get(key);
    if (first !== undefined) preview.errors.push({ column: 'deployed_at', message: `Line ${first} records the same deployment.` });
    else seen.set(key, preview.line);
    preview.ok = preview.errors.length === 0;
  });
  return { rows: checked.map((c) => c.preview), records: checked.flatMap((c) => (c.preview.ok && c.record ? [c.record] : [])) };
}

/** "yes", "true", "1", "x" or empty (no): how spreadsheets write a flag; null for anything else. */
function reworkCell(text: string): boolean | null {
  const t = text.trim().toLowerCase();
  if (['yes', 'y', 'true', '1', 'x'].includes(t)) return true;
  if (['', 'no', 'n', 'false', '0'].includes(t)) return false;
  return null;
}

function checkRow(ctx: HandlerContext, line: number, value: (c: Column) => string, releases: Release[], environments: Environment[]) {
  const errors: CsvRowPreview['errors'] = [];
  const release = findReleaseByRef(releases, value('release'));
  if (!release.ok) errors.push({ column: 'release', message: value('release') === '' ? 'Release is required.' : `${release.message}.` });
  const envName = value('environment').toLowerCase();
  const environment = environments.find((e) => e.id === value('environment') || e.name.toLowerCase() === envName);
  if (!environment) errors.push({ column: 'environment', message: envName === '' ? 'Environment is required.' : `There is no environment "${value('environment')}".` });

  const rework = reworkCell(value('rework'));
  if (rework === null) errors.push({ column: 'rework', message: `"${value('rework')}" is not yes or no: write yes for a deployment made to fix a user-facing defect.` });
  const hasIncident = ['incident_title', 'incident_reference', 'incident_started_at', 'incident_restored_at'].some((c) => value(c as Column) !== '');
  const incident = {
    title: value('incident_title'),
    reference: value('incident_reference'),
    startedAt: value('incident_started_at'),
    restoredAt: value('incident_restored_at') === '' ? null : value('incident_restored_at'),
  };
  const parsed = DeploymentRecordInput.safeParse({
    releaseId: release.ok ? release.value.id : 'unknown',
    environmentId: environment?.id ?? 'unknown',
    deployedAt: value('deployed_at'),
    result: value('result').toLowerCase().replace(/\s+/g, '-'),
    note: value('note'),
    rework: rework ?? false,
    source: 'csv',
    incidents: hasIncident ? [incident] : [],
  });
  let record: DeploymentRecord | undefined;
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path.at(-1) ?? '');
      errors.push({ column: COLUMN_OF[field] ?? field, message: `${fieldLabel(field)}: ${issue.message}` });
    }
  } else if (release.ok && environment) {
    record = parsed.data;
    for (const problem of deploymentProblems(ctx, record)) {
      errors.push({ column: COLUMN_OF[String(problem.field.split('.').at(-1))] ?? problem.field, message: problem.message });
    }
  }
  const preview: CsvRowPreview = {
    line,
    ok: errors.length === 0,
    errors,
    release: release.ok ? `${release.value.name} ${release.value.version}` : value('release'),
    environment: environment?.name ?? value('environment'),
    deployedAt: parsed.success ? parsed.data.deployedAt : value('deployed_at'),
    result: value('result'),
    rework: rework === true,
    incident: hasIncident ? `${incident.title}${incident.restoredAt === null ? ' (open)' : ''}` : '',
  };
  return { preview, record };
}
