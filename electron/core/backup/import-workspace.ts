import { ApiFailure, invalidInput, type ApiFieldIssue } from '../../contract/api-result';
import { changeKey } from '../changes/change-key';
import { LATEST_SCHEMA_VERSION } from '../store/migrations';
import { ReceiveRefused, type WorkspaceStore } from '../store/workspace-store';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, BackupFile, jsonPath } from './backup-format';
import { firstDifference } from './first-difference';
import { requireEmptyWorkspace } from './require-empty';
import { readWorkspaceSection } from './workspace-section';

export interface RestoreSummary {
  changes: number;
  people: number;
  systems: number;
  environments: number;
  releases: number;
}

/**
 * Validates a parsed JSON document as a backup, whole, before anything is written. The first problem is the error's
 * message and field (a JSON path); every problem is in its issues.
 */
export function parseBackup(raw: unknown): BackupFile {
  refuseForeignOrNewer(raw);
  const parsed = BackupFile.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issues: ApiFieldIssue[] = parsed.error.issues.map((issue) => ({ field: jsonPath(issue.path), message: issue.message }));
  const [first] = issues;
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
  return fail(new ApiFailure('invalid_input', `${first.field}: ${first.message}${more}`, first.field, issues));
}

/**
 * Rebuilds a workspace from a backup in one transaction: replays the change log through the sync merge, then checks
 * the result equals the backup's workspace section. Anything short of that rolls back and nothing is written.
 */
export function restoreBackup(store: WorkspaceStore, backup: BackupFile): RestoreSummary {
  return store.atomically(() => {
    requireEmptyWorkspace(store, 'import a backup');
    const result = replay(store, backup);
    const difference = firstDifference(backup.workspace, readWorkspaceSection(store), ['workspace']);
    if (difference) {
      throw invalidInput('workspace', `Replaying the change log does not rebuild the workspace the file describes (${difference}); nothing was imported.`);
    }
    const { people, systems, environments, releases } = backup.workspace;
    return { changes: result.received, people: people.length, systems: systems.length, environments: environments.length, releases: releases.length };
  });
}

/**
 * The change log goes through the same rules as any change from elsewhere, all or nothing: a forged, rewritten or
 * malformed record fails the whole import, naming the record and why.
 */
function replay(store: WorkspaceStore, backup: BackupFile) {
  try {
    return store.receive(backup.changeLog, { strict: true });
  } catch (error) {
    if (error instanceof ReceiveRefused) {
      const [first] = error.held;
      const index = backup.changeLog.findIndex((c) => changeKey(c) === changeKey(first.change));
      const field = `changeLog[${index}]`;
      const more = error.held.length > 1 ? ` (${error.held.length - 1} more change${error.held.length === 2 ? '' : 's'} could not be imported)` : '';
      throw invalidInput(field, `${field}: the ${first.change.entity} record ${first.change.rowId} was not imported: ${first.reason}${more}; nothing was imported.`);
    }
    throw error;
  }
}

function refuseForeignOrNewer(raw: unknown): void {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    fail(invalidInput('(top level)', 'This is not a Release Desk workspace backup: it is not a JSON object.'));
  }
  const { format, formatVersion, schemaVersion } = raw as Record<string, unknown>;
  if (format !== BACKUP_FORMAT) {
    fail(invalidInput('format', `This is not a Release Desk workspace backup (format is ${JSON.stringify(format) ?? 'missing'}, expected "${BACKUP_FORMAT}").`));
  }
  if (typeof formatVersion === 'number' && formatVersion > BACKUP_FORMAT_VERSION) {
    fail(invalidInput('formatVersion', `This backup was written by a newer Release Desk (backup format ${formatVersion}; this version reads up to ${BACKUP_FORMAT_VERSION}); update Release Desk to import it.`));
  }
  if (typeof schemaVersion === 'number' && schemaVersion > LATEST_SCHEMA_VERSION) {
    fail(invalidInput('schemaVersion', `This backup was written by a newer Release Desk (schema version ${schemaVersion}; this version knows up to ${LATEST_SCHEMA_VERSION}); update Release Desk to import it.`));
  }
}

function fail(error: ApiFailure): never {
  throw error;
}
