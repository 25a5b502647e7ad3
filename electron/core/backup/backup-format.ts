import { z } from 'zod';
import { Environment, Id, Person, Release, System, WorkspaceSettings } from '../../contract/entities';
import { Deployment, Incident, ReleaseChange } from '../../contract/outcomes-entities';
import { ChangeSchema } from '../changes/change';
import { changeKey } from '../changes/change-key';

/**
 * The workspace backup file (docs/backup-format.md). The change log is the backup: replaying it rebuilds every row
 * and keeps the whole audit history. The workspace section repeats the current state so that people and other tools
 * can read a backup without replaying anything, and so that a restore can prove it rebuilt exactly that.
 */
export const BACKUP_FORMAT = 'release-desk-workspace';
export const BACKUP_FORMAT_VERSION = 1;

/**
 * A change of the log, as every path carries it (changes/change.ts). Whether its value fits its field, whether it is
 * signed and by whom is for the rules to say on restore, which name the change at fault.
 */
export const BackupChange = ChangeSchema.omit({ member: true });
export type BackupChange = z.infer<typeof BackupChange>;

/** Outcome records as stored (issue 7): a backup written before they existed reads as having none. */
export const OutcomesSection = z
  .object({
    deployments: z.array(Deployment.omit({ incidents: true, failure: true }).strict()),
    incidents: z.array(Incident.strict()),
    changes: z.array(ReleaseChange.strict()),
    reviews: z.array(
      z
        .object({
          id: z.string(),
          releaseId: z.string(),
          wentWell: z.string(),
          didNotGoWell: z.string(),
          actionItems: z.array(z.object({ text: z.string(), ownerId: z.string().nullable(), done: z.boolean() }).strict()),
          closedAt: z.string().nullable(),
          closedBy: z.string().nullable(),
        })
        .strict(),
    ),
  })
  .strict();

export const WorkspaceSection = z
  .object({
    settings: WorkspaceSettings.strict(),
    people: z.array(Person.strict()),
    systems: z.array(System.strict()),
    environments: z.array(Environment.strict()),
    releases: z.array(Release.strict()),
    outcomes: OutcomesSection.default({ deployments: [], incidents: [], changes: [], reviews: [] }),
  })
  .strict();
export type WorkspaceSection = z.infer<typeof WorkspaceSection>;

export const BackupFile = z
  .object({
    format: z.literal(BACKUP_FORMAT),
    formatVersion: z.literal(BACKUP_FORMAT_VERSION),
    schemaVersion: z.number().int().min(1),
    exportedAt: z.string(),
    workspace: WorkspaceSection,
    changeLog: z.array(BackupChange),
  })
  .strict()
  .superRefine((file, ctx) => {
    // A duplicated change would be dropped on restore, so the restored log could never equal the file's.
    const seen = new Set<string>();
    file.changeLog.forEach((c, index) => {
      const key = changeKey(c);
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['changeLog', index], message: 'repeats an earlier change (same hlc, entity, rowId and field)' });
      seen.add(key);
    });
  });
export type BackupFile = z.infer<typeof BackupFile>;

/** `changeLog[12].hlc`: the path as someone opening the file in an editor would look for it. */
export function jsonPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '') || '(top level)';
}
