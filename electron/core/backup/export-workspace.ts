import type { WorkspaceStore } from '../store/workspace-store';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, type BackupChange, type BackupFile } from './backup-format';
import { readWorkspaceSection } from './workspace-section';

/** The whole workspace as a backup: current state plus every change ever made, with the value each replaced. */
export function exportWorkspace(store: WorkspaceStore, exportedAt: Date = new Date()): BackupFile {
  // The local sequence number (this device's arrival order) and the team server's member stamp (how a change reached
  // this device) are left out: a backup holds what was written, the same from every device.
  const changeLog: BackupChange[] = store.reader.changeLog().map(({ seq: _seq, member: _member, ...change }) => change);
  return {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    schemaVersion: store.schemaVersion,
    exportedAt: exportedAt.toISOString(),
    workspace: readWorkspaceSection(store),
    changeLog,
  };
}

/** Two-space indented with a final newline: backups are meant to be diffed and read. */
export function serializeBackup(backup: BackupFile): string {
  return `${JSON.stringify(backup, null, 2)}\n`;
}
