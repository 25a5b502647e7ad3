import type Database from 'better-sqlite3';
import type { RunbookStep } from '../../../contract/runbook-entities';

interface StepColumns {
  id: string;
  runbook_id: string;
  position: number;
  title: string;
  description: string;
  command: string;
  owner_person_id: string | null;
  owner_team: string;
  kind: string;
  section: string;
  duration_minutes: number;
  depends_on: string;
  fixed_start_offset: number | null;
  external_ref: string;
  approver_ids: string;
  criteria: string;
  point_of_no_return: number;
}

/**
 * The live steps of a runbook, by position. Read with one statement straight into the contract's shape rather than
 * through the generic reader: a 5,000-step runbook is read on every view, and the generic decode doubled its cost.
 */
export function readRunbookSteps(db: Database.Database, runbookId: string): RunbookStep[] {
  const rows = db
    .prepare(
      `SELECT id, runbook_id, position, title, description, command, owner_person_id, owner_team, kind, section, duration_minutes,
              depends_on, fixed_start_offset, external_ref, approver_ids, criteria, point_of_no_return
       FROM runbook_steps WHERE runbook_id = ? AND deleted = 0 AND title != '' ORDER BY position, id`,
    )
    .all(runbookId) as StepColumns[];
  return rows.map((r) => ({
    id: r.id,
    runbookId: r.runbook_id,
    position: r.position,
    title: r.title,
    description: r.description,
    command: r.command,
    ownerPersonId: r.owner_person_id,
    ownerTeam: r.owner_team,
    kind: r.kind as RunbookStep['kind'],
    section: r.section || 'Deploy',
    durationMinutes: r.duration_minutes,
    dependsOn: JSON.parse(r.depends_on) as string[],
    fixedStartOffsetMinutes: r.fixed_start_offset,
    externalRef: r.external_ref,
    approverIds: JSON.parse(r.approver_ids) as string[],
    criteria: r.criteria,
    pointOfNoReturn: r.point_of_no_return === 1,
  }));
}

