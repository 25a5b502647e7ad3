import { z } from 'zod';
import { Environment, Id, Person, Release, System, WorkspaceSettings } from '../../contract/entities';
import { Deployment, Incident, ReleaseChange } from '../../contract/outcomes-entities';
import { DELETED_FIELD, ENTITY_NAMES, ENTITY_TABLES, type Codec, type EntityName, type FieldSpec } from '../store/entity-tables';

/**
 * The workspace backup file (docs/backup-format.md). The change log is the backup: replaying it rebuilds every row
 * and keeps the whole audit history. The workspace section repeats the current state so that people and other tools
 * can read a backup without replaying anything, and so that a restore can prove it rebuilt exactly that.
 */
export const BACKUP_FORMAT = 'release-desk-workspace';
export const BACKUP_FORMAT_VERSION = 1;

const HLC = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z-[0-9a-f]{4}-.+$/, 'must be a hybrid-logical-clock timestamp like 2026-11-23T09:00:00.000Z-0000-<device>');

/** What a column can hold: a value that does not fit its codec would be silently coerced on restore, so refuse it. */
const VALUE_BY_CODEC: Record<Codec, z.ZodType> = {
  text: z.string(),
  'nullable-text': z.string().nullable(),
  json: z.union([z.array(z.unknown()), z.record(z.string(), z.unknown())]),
  int: z.number().int(),
  bool: z.boolean(),
  real: z.number(),
  'nullable-int': z.number().int().nullable(),
};

export const BackupChange = z
  .object({
    hlc: HLC,
    deviceId: z.string().min(1),
    author: z.string().min(1),
    entity: z.enum(ENTITY_NAMES as [EntityName, ...EntityName[]]),
    rowId: Id,
    field: z.string().min(1),
    value: z.unknown(),
    oldValue: z.unknown(),
  })
  .strict()
  .superRefine((change, ctx) => {
    const fields: Record<string, FieldSpec> = ENTITY_TABLES[change.entity].fields;
    const valueSchema = change.field === DELETED_FIELD ? z.boolean() : fields[change.field] && VALUE_BY_CODEC[fields[change.field].codec];
    if (!valueSchema) {
      ctx.addIssue({ code: 'custom', path: ['field'], message: `${change.entity} has no field "${change.field}"` });
      return;
    }
    if (!valueSchema.safeParse(change.value).success) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: `is not a valid value for ${change.entity}.${change.field}` });
    }
  });
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
      const key = `${c.hlc}\u0000${c.entity}\u0000${c.rowId}\u0000${c.field}`;
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['changeLog', index], message: 'repeats an earlier change (same hlc, entity, rowId and field)' });
      seen.add(key);
    });
  });
export type BackupFile = z.infer<typeof BackupFile>;

/** `changeLog[12].hlc`: the path as someone opening the file in an editor would look for it. */
export function jsonPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '') || '(top level)';
}
