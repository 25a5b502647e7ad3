import { EnvironmentCreate, PersonCreate, ReleaseCreate, SystemCreate, WorkspaceSettings } from '../../contract/entities';
import { SETTINGS_ROW_ID } from '../api/handlers/workspace-handlers';
import { requireEmptyWorkspace } from '../backup/require-empty';
import type { WorkspaceStore } from '../store/workspace-store';
import { DEMO_ENVIRONMENTS, DEMO_PEOPLE, DEMO_SETTINGS, DEMO_SYSTEMS, demoEmail } from './demo-catalog';
import { writeDemoOutcomes } from './demo-outcomes';
import { writeDemoRunbooks } from './demo-runbooks';
import { writeDemoWindows } from './demo-windows';
import { planReleases } from './demo-releases';
import { SeededRandom } from './seeded-random';

export interface DemoOptions {
  /** How many releases; about a quarter's worth by default. */
  releases?: number;
  seed?: number;
  /** The day (YYYY-MM-DD) the quarter is placed around; statuses fit the dates as seen that day. */
  today?: string;
}

export interface DemoSummary {
  people: number;
  systems: number;
  environments: number;
  releases: number;
}

export const DEFAULT_DEMO_RELEASES = 60;
export const DEFAULT_DEMO_SEED = 20261123;

/**
 * Fills an empty workspace with a realistic quarter. Every value is parsed with the contract's create schema, as the
 * API would, and everything is written in one mutation so that even a 10,000-release workspace takes seconds and a
 * failure leaves the workspace empty.
 */
export function createDemoWorkspace(store: WorkspaceStore, options: DemoOptions = {}): DemoSummary {
  const random = new SeededRandom(options.seed ?? DEFAULT_DEMO_SEED);
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const people = DEMO_PEOPLE.map((p) => ({ id: random.uuid(), ...PersonCreate.parse({ ...p, email: demoEmail(p.name) }) }));
  const systemIds = new Map(DEMO_SYSTEMS.map((s) => [s.name, random.uuid()]));
  const systems = DEMO_SYSTEMS.map((s) => ({
    id: systemIds.get(s.name)!,
    ...SystemCreate.parse({ ...s, dependsOn: s.dependsOn.map((name) => systemIds.get(name)!) }),
  }));
  const environments = DEMO_ENVIRONMENTS.map((e, position) => ({ id: random.uuid(), ...EnvironmentCreate.parse({ ...e, position }) }));
  const environmentIds = new Map(environments.map((e) => [e.name, e.id]));
  const owners = people.filter((p) => p.roles.includes('release-manager') || p.roles.includes('release-coordinator'));
  const releases = planReleases(random, options.releases ?? DEFAULT_DEMO_RELEASES, today).map((r) => ({
    id: random.uuid(),
    ...ReleaseCreate.parse({
      name: r.train.name,
      version: r.version,
      systemIds: r.train.systems.map((name) => systemIds.get(name)!),
      environmentIds: r.environments.map((name) => environmentIds.get(name)!),
      windowStart: r.windowStart,
      windowEnd: r.windowEnd,
      timeZone: r.train.timeZone,
      status: r.status,
      ownerId: random.pick(owners).id,
      description: r.description,
    }),
  }));
  // The coordinator "set up" the workspace, so the audit history names a person rather than this machine.
  const author = people.find((p) => p.roles.includes('release-coordinator'))!.id;

  requireEmptyWorkspace(store, 'demo data goes');
  store.mutate(author, (w) => {
    w.insert('settings', SETTINGS_ROW_ID, WorkspaceSettings.parse(DEMO_SETTINGS));
    for (const { id, ...fields } of people) w.insert('person', id, fields);
    // One demo machine acts for everyone, so every demo person's sign-offs can be tried (and verify) here.
    for (const person of people) {
      w.append('deviceKey', { action: 'enrol', keyDeviceId: store.deviceId, publicKey: store.deviceKey.publicKey, personId: person.id, label: 'Demo workspace', throughSeq: 0, reason: '' });
    }
    for (const { id, ...fields } of systems) w.insert('system', id, fields);
    for (const { id, ...fields } of environments) w.insert('environment', id, fields);
    for (const { id, ...fields } of releases) w.insert('release', id, fields);
    writeDemoOutcomes(w, random, { releases, environments, people, today });
    writeDemoWindows(w, random, {
      productionId: environments.find((e) => e.isProduction)!.id,
      today,
    });
    writeDemoRunbooks(w, random, { releases, people, productionId: environments.find((e) => e.isProduction)!.id, today });
  });
  return { people: people.length, systems: systems.length, environments: environments.length, releases: releases.length };
}
