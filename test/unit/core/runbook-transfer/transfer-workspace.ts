import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import type { WorkspaceSession } from '../../../../electron/core';
import type { RunbookImportResult, RunbookStep, RunbookView } from '../../../../electron/contract/runbook-entities';
import { releaseInput, seedBasics, tempSession, valueOf } from '../../../helpers/temp-workspace';

export const FIXTURES = path.resolve(__dirname, '../../../fixtures/runbooks');

/** A release (Sat 5 Dec 2026 22:00–02:00 Berlin), Priya and Ana as people, and an empty runbook for it. */
export async function seedRunbook(session: WorkspaceSession) {
  const basics = await seedBasics(session);
  valueOf(await session.client()['people.create']({ name: 'Ana Díaz', roles: ['security-architect'] }));
  const release = valueOf(await session.client()['releases.create'](releaseInput(basics, { ownerId: basics.personId })));
  const runbook = valueOf(await session.client()['runbooks.create']({ releaseId: release.id, name: 'Payments cutover' }));
  return { ...basics, releaseId: release.id, runbookId: runbook.id };
}

/** A fresh workspace with `seedRunbook` per test; read `session` and `ids` inside the tests. */
export function useRunbookWorkspace() {
  const state = {} as { session: WorkspaceSession; ids: Awaited<ReturnType<typeof seedRunbook>>; cleanup: () => void };
  beforeEach(async () => {
    const temp = tempSession();
    state.session = temp.session;
    state.cleanup = temp.cleanup;
    state.ids = await seedRunbook(temp.session);
  });
  afterEach(() => state.cleanup());
  return state;
}

export async function importFile(session: WorkspaceSession, runbookId: string, fileName: string, options: { dryRun?: boolean; replace?: boolean; bytes?: Buffer } = {}) {
  const bytes = options.bytes ?? fs.readFileSync(path.join(FIXTURES, fileName));
  const input = { runbookId, fileName, encoding: 'base64' as const, content: bytes.toString('base64'), dryRun: options.dryRun ?? false, replace: options.replace ?? false };
  return valueOf(await session.client()['runbooks.importSteps'](input));
}

export async function viewOf(session: WorkspaceSession, runbookId: string): Promise<RunbookView> {
  return valueOf(await session.client()['runbooks.get']({ id: runbookId }));
}

/** What an import must reproduce of a step: its fields, with dependencies by title instead of by id. */
export function stepFacts(view: RunbookView) {
  const titleOf = new Map(view.steps.map((s) => [s.id, s.title]));
  return view.steps.map((s: RunbookStep) => ({
    title: s.title,
    description: s.description,
    command: s.command,
    ownerPersonId: s.ownerPersonId,
    ownerTeam: s.ownerTeam,
    kind: s.kind,
    section: s.section,
    durationMinutes: s.durationMinutes,
    fixedStartOffsetMinutes: s.fixedStartOffsetMinutes,
    dependsOn: s.dependsOn.map((id) => titleOf.get(id)),
  }));
}
