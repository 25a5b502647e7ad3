import { afterEach, describe, expect, it } from 'vitest';
import { recordId } from '../../../../electron/core/trust/record-id';
import { Forger, modifiedClient } from '../../../helpers/forge';
import { changesOf, enrolHere, tempSession } from '../../../helpers/temp-workspace';
import { expectOneLineError, runCli } from '../processes';
import { call } from '../sync-scenario';
import { TEAM, auditOf, gateOf, governanceSeen, recordChanges, signoffFields } from './attack-team';
import { STORE_KINDS } from '../../../helpers/server-stores';
import { heldOn, teamOnServer, type Cleanups } from './attack-server';

/**
 * Issue 11's findings and issue 12's signed-record attacks, replayed against a real team-server process by a member
 * with a valid token and a modified client (docs/sync.md, "Threat model"). Each attack is refused with 403 and the
 * sentence, stores nothing, and counts on no device; honest members lose nothing.
 */
describe.each(STORE_KINDS)('attacks through the team server on $label', ({ kind, skip }) => {
  const cleanups: Cleanups = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  it.skipIf(skip)('one push, two stamps: a sign-off rewritten in the same push or a later one is refused, and the gate never moves', async () => {
    const t = await teamOnServer(cleanups, { store: kind });
    const before = (await t.stored());
    // Sam may assert Security. His modified client sends the record and, in the same push, a second, later stamp of
    // its state and person, hoping every client applies the newest: Product readiness "asserted by Priya".
    const sam = modifiedClient(t.b.store);
    const record = sam.write('signoff', signoffFields(t.ids, 'sam', 'security', 'assert', t.b.store.deviceId), { author: t.ids.sam });
    const later = sam.stamp(new Date(Date.now() + 1000).toISOString());
    const rewrite = [
      sam.change({ hlc: later, author: t.ids.sam, entity: 'signoff', rowId: record[0].rowId, field: 'state', value: 'product' }),
      sam.change({ hlc: later, author: t.ids.sam, entity: 'signoff', rowId: record[0].rowId, field: 'personId', value: t.ids.priya }),
    ];
    const oneBatch = await t.push('sam', t.b.store.deviceId, [...record, ...rewrite]);
    expect(oneBatch.status).toBe(403);
    expect(oneBatch.body.error?.message).toMatch(/nothing from this push was stored\. signoff records are append-only: record \S+ is not the one written at this stamp/);
    expect(oneBatch.body.error?.refused?.map((r) => r.field)).toEqual(['state', 'personId']);
    expect((await t.stored())).toBe(before);

    // Sam's honest assertion goes through the app; then the rewrite follows in a later push, and then under the
    // record's own stamp (a second version of the same change).
    await call(t.b, 'readiness.signoff', { releaseId: t.ids.releaseId, state: 'security', action: 'assert', comment: 'Pen test clean', asPersonId: t.ids.sam });
    await t.syncB();
    expect((await gateOf(t.b, t.ids.releaseId)).signoffs).toEqual([expect.objectContaining({ state: 'security', personId: t.ids.sam, verified: true })]);
    const stored = await t.stored();
    const id = t.b.store.reader.findEqual('signoff', 'personId', t.ids.sam)[0].id;
    const next = modifiedClient(t.b.store);
    const laterPush = await t.push('sam', t.b.store.deviceId, [
      next.change({ hlc: next.stamp(new Date(Date.now() + 2000).toISOString()), author: t.ids.sam, entity: 'signoff', rowId: id, field: 'state', value: 'product' }),
    ]);
    expect(laterPush.status).toBe(403);
    expect(laterPush.body.error?.message).toMatch(/append-only: record \S+ is not the one written at this stamp/);
    const [sameStamp] = recordChanges(t.b, id).filter((c) => c.field === 'state');
    const secondVersion = await t.push('sam', t.b.store.deviceId, [{ ...sameStamp, value: 'product' }]);
    expect(secondVersion.status).toBe(403);
    expect(secondVersion.body.error?.message).toMatch(/a different change with the same identity \(record, field and stamp\) is already stored/);
    expect((await t.stored())).toBe(stored);

    // What Priya sees: Sam asserted Security, nobody asserted Product.
    await t.syncA();
    const gate = await gateOf(t.a, t.ids.releaseId);
    expect(gate.signoffs).toEqual([expect.objectContaining({ state: 'security', personId: t.ids.sam, verified: true })]);
  });

  it.skipIf(skip)('roles sent as a string, or as a list by a member who is no admin, are refused; nobody gains a role anywhere', async () => {
    const t = await teamOnServer(cleanups, { store: kind });
    const sam = modifiedClient(t.b.store);
    const before = (await t.stored());
    // "security-architect operations-coordinator …" as one string once passed a rule that looked for "admin" in an array.
    const asString = await t.push('sam', t.b.store.deviceId, sam.write('person', { roles: 'security-architect operations-coordinator product-owner admin' }, { rowId: t.ids.sam, author: t.ids.sam }));
    expect(asString.status).toBe(403);
    expect(asString.body.error?.message).toMatch(/its value for person\.roles is invalid: .*expected array, received string \("security-architect operations-coordinator/);
    const asList = await t.push('sam', t.b.store.deviceId, sam.write('person', { roles: ['security-architect', 'operations-coordinator', 'product-owner', 'admin'] }, { rowId: t.ids.sam, author: t.ids.sam }));
    expect(asList.status).toBe(403);
    expect(asList.body.error?.message).toMatch(/it changes what only a workspace admin may change, and its key holds no admin authority/);
    expect((await t.stored())).toBe(before);

    await t.sync();
    for (const s of [t.a, t.b]) {
      const people = await call<Array<{ id: string; roles: string[] }>>(s, 'people.list', {});
      expect(people.find((p) => p.id === t.ids.sam)?.roles).toEqual(['security-architect']);
    }
    // And the app on B would not even write it: only an admin's key may.
    const inApp = await t.b.client()['people.update']({ id: t.ids.sam, changes: { roles: ['security-architect', 'admin'] } });
    expect(inApp).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it.skipIf(skip)('waivers, ticks, decisions and step executions in another person\'s name are refused, whoever they claim wrote them', async () => {
    const t = await teamOnServer(cleanups, { store: kind });
    const seenBefore = await governanceSeen(t.a, t.ids);
    const device = t.b.store.deviceId;
    const at = new Date().toISOString();
    const records = {
      checklistWaiver: { itemId: t.ids.itemId, releaseId: t.ids.releaseId, waived: true, personId: t.ids.priya, reason: 'UAT can wait', deviceId: device },
      checklistTick: { itemId: t.ids.itemId, releaseId: t.ids.releaseId, ticked: true, personId: t.ids.priya, evidence: '', comment: 'done', deviceId: device },
      meetingDecision: { meetingId: t.ids.meetingId, releaseId: t.ids.releaseId, decision: 'go', note: '', personId: t.ids.priya, deviceId: device },
      stepExecution: { runbookId: t.ids.runbookId, releaseId: t.ids.releaseId, stepId: t.ids.stepId, action: 'complete', reason: '', personId: t.ids.priya, at, deviceId: device },
    } as const;
    const before = (await t.stored());
    for (const [entity, fields] of Object.entries(records) as Array<[keyof typeof records, Record<string, unknown>]>) {
      // Signed by Sam's laptop and claiming Priya wrote it: the server knows Sam's token is Sam.
      const asPriya = await t.push('sam', device, modifiedClient(t.b.store).write(entity, fields, { author: t.ids.priya }));
      expect(asPriya.status, entity).toBe(403);
      expect(asPriya.body.error?.message, entity).toMatch(/it is written in the name of person \S+, and Sam signs in as person/);
      // Written by Sam, naming Priya as the person who ticked, waived, decided or executed.
      const naming = await t.push('sam', device, modifiedClient(t.b.store).write(entity, fields, { author: t.ids.sam }));
      expect(naming.status, entity).toBe(403);
      expect(naming.body.error?.message, entity).toMatch(/it was written by Sam Okafor in the name of Priya Natarajan/);
    }
    // In his own name, Sam still cannot waive a Product item: that is the product owner's call.
    const ownName = await t.push('sam', device, modifiedClient(t.b.store).write('checklistWaiver', { ...records.checklistWaiver, personId: t.ids.sam }, { author: t.ids.sam }));
    expect(ownName.status).toBe(403);
    expect(ownName.body.error?.message).toMatch(/Sam Okafor did not hold the Product owner role for Product readiness at the time/);
    expect((await t.stored())).toBe(before);

    await t.sync();
    expect(await governanceSeen(t.a, t.ids)).toEqual(seenBefore);
    expect(await governanceSeen(t.b, t.ids)).toEqual(seenBefore);
    expect(seenBefore).toEqual({ ticked: false, waived: false, decision: null, step: expect.not.stringMatching(/done|complete/) });
  });

  it.skipIf(skip)("a member renaming himself to another person's email is refused, and `signoff --as` that email still cannot sign as him", async () => {
    const t = await teamOnServer(cleanups, { store: kind });
    const before = (await t.stored());
    const rename = modifiedClient(t.b.store).write('person', { name: TEAM.priya.name, email: TEAM.priya.email }, { rowId: t.ids.sam, author: t.ids.sam });
    const answer = await t.push('sam', t.b.store.deviceId, rename);
    expect(answer.status).toBe(403);
    expect(answer.body.error?.message).toMatch(/it changes what only a workspace admin may change/);
    expect((await t.stored())).toBe(before);
    await t.sync();
    for (const s of [t.a, t.b]) {
      const people = await call<Array<{ id: string; email: string }>>(s, 'people.list', {});
      expect(people.find((p) => p.email === TEAM.priya.email)?.id).toBe(t.ids.priya);
      expect(people.find((p) => p.id === t.ids.sam)?.email).toBe(TEAM.sam.email);
    }
    // The pipeline's CLI on Sam's laptop, told to sign as Priya's email: the email is Priya's, and this laptop holds no key of hers.
    const cli = runCli(['signoff', '--db', t.b.path, '--release', 'Payments@2.4.0', '--state', 'product', '--as', TEAM.priya.email, '--assert']);
    expectOneLineError(cli, 1, /holds no enrolled key of Priya Natarajan/);
    expect((await gateOf(t.b, t.ids.releaseId)).signoffs).toEqual([]);
  });

  it.skipIf(skip)("a far-future stamp on roles is refused by the server, held on every client, and an admin's later grant counts", async () => {
    const t = await teamOnServer(cleanups, { store: kind });
    // Priya's second device, a tablet whose clock says 2036 (or an admin's key in the wrong hands), enrolled for her.
    const tablet = new Forger(t.workspaceId);
    t.a.store.receive(tablet.write('deviceKey', { action: 'request', keyDeviceId: tablet.deviceId, publicKey: tablet.key.publicKey, personId: t.ids.priya, label: 'Priya tablet', throughSeq: 0, reason: '' }, { author: t.ids.priya }));
    await call(t.a, 'keys.enrol', { deviceId: tablet.deviceId, personId: t.ids.priya });
    await t.sync();
    // From 2036, Sam loses his role: whatever an admin grants later would be older than that.
    const future = tablet.write('person', { roles: [] }, { rowId: t.ids.sam, author: t.ids.priya, at: '2036-01-01T00:00:00.000Z' });
    const answer = await t.push('priya', tablet.deviceId, future);
    expect(answer.status).toBe(403);
    expect(answer.body.error?.message).toMatch(/it is stamped \d+ days ahead of the team server's clock/);

    // Had the server let it through, every client holds it, and Priya's grant of today counts everywhere.
    await t.insertOnServer(future, 'priya');
    await call(t.a, 'people.update', { id: t.ids.sam, changes: { roles: ['security-architect', 'operations-coordinator'] } });
    await t.sync();
    await t.syncA();
    for (const s of [t.a, t.b]) {
      const people = await call<Array<{ id: string; roles: string[] }>>(s, 'people.list', {});
      expect(people.find((p) => p.id === t.ids.sam)?.roles).toEqual(['security-architect', 'operations-coordinator']);
      expect(await heldOn(s)).toContainEqual(expect.objectContaining({ kind: 'future', entity: 'person', field: 'roles', reason: expect.stringMatching(/^Stamped \d+ days ahead of this device's clock/) }));
    }
    // Sam acts in his new role on his laptop, and it counts on Priya's.
    await call(t.b, 'readiness.signoff', { releaseId: t.ids.releaseId, state: 'operation', action: 'assert', comment: 'Runbook rehearsed', asPersonId: t.ids.sam });
    await t.sync();
    await t.syncA();
    expect((await gateOf(t.a, t.ids.releaseId)).signoffs).toEqual([expect.objectContaining({ state: 'operation', personId: t.ids.sam, verified: true })]);
  });

  it.skipIf(skip)("an edit authored as another person, or carrying another member's device id, is refused; had one got through, every device would agree on it", async () => {
    const t = await teamOnServer(cleanups, { store: kind });
    const priyasDevice = t.a.store.deviceId;
    const before = (await t.stored());
    const edit = { description: 'Moved to the Q3 train' };
    const asPriya = await t.push('sam', t.b.store.deviceId, modifiedClient(t.b.store).write('release', edit, { rowId: t.ids.releaseId, author: t.ids.priya }));
    expect(asPriya.status).toBe(403);
    expect(asPriya.body.error?.message).toMatch(/it is written in the name of person \S+, and Sam signs in as person/);
    const forger = new Forger(t.workspaceId);
    const onPriyasDevice = forger.write('release', edit, { rowId: t.ids.releaseId, author: t.ids.sam, hlc: forger.stamp(new Date().toISOString(), priyasDevice), deviceId: priyasDevice });
    const carrying = await t.push('sam', t.b.store.deviceId, onPriyasDevice);
    expect(carrying.status).toBe(403);
    expect(carrying.body.error?.message).toMatch(new RegExp(`Sam may push only the changes of their own device, not of device ${priyasDevice}`));
    const claiming = await t.push('sam', priyasDevice, onPriyasDevice);
    expect(claiming.status).toBe(403);
    expect(claiming.body.error?.message).toMatch(new RegExp(`device ${priyasDevice} belongs to another member of this server; Sam may not push for it`));
    expect((await t.stored())).toBe(before);

    // A halt "from Priya's device" let through by the server reaches Priya's device too (it was never hers), and no
    // device counts it: its signature is not her device's.
    const halt = forger.write('signoff', signoffFields(t.ids, 'priya', 'product', 'halt', priyasDevice, 'Stop the train'), { author: t.ids.priya, hlc: forger.stamp(new Date().toISOString(), priyasDevice), deviceId: priyasDevice });
    await t.insertOnServer(halt);
    await t.sync();
    for (const s of [t.a, t.b]) {
      const gate = await gateOf(s, t.ids.releaseId);
      expect(gate.decision).toBe('go');
      expect(gate.signoffs).toEqual([expect.objectContaining({ action: 'halt', verified: false, reason: expect.stringMatching(/never merged here: it is signed with a key that is not device/) })]);
      expect((await auditOf(s, t.ids.releaseId)).find((e) => e.kind === 'halt')?.verification.status).toBe('unverified');
    }
    const release = await call<{ description: string }>(t.a, 'releases.get', { id: t.ids.releaseId });
    expect(release.description).not.toBe(edit.description);
  });

  it.skipIf(skip)('a back-dated stamp: never before the key was enrolled, never over a later record, never into a chain place already pushed', async () => {
    const t = await teamOnServer(cleanups, { store: kind });
    const enrolled = t.a.store.trustView().enrolments.find((e) => e.keyDeviceId === t.b.store.deviceId && e.personId === t.ids.sam)!;
    // Sam asserts Security, then wants to have halted it "last month", before his laptop's key was enrolled.
    await call(t.b, 'readiness.signoff', { releaseId: t.ids.releaseId, state: 'security', action: 'assert', comment: 'Pen test clean', asPersonId: t.ids.sam });
    await t.syncB();
    const lastMonth = modifiedClient(t.b.store).write('signoff', signoffFields(t.ids, 'sam', 'security', 'halt', t.b.store.deviceId, 'Pen test pending'), {
      author: t.ids.sam,
      at: new Date(Date.parse(enrolled.hlc.slice(0, 24)) - 30 * 24 * 3600_000).toISOString(),
    });
    const beforeKey = await t.push('sam', t.b.store.deviceId, lastMonth);
    expect(beforeKey.status).toBe(403);
    expect(beforeKey.body.error?.message).toMatch(/it was signed before that key was enrolled/);

    // Back-dated to just after the enrolment, before his own assertion: what holds is what it says and who wrote it,
    // not when it claims to be. It is stored, shown at its stamp with the member who pushed it, and it cannot
    // override the assertion stamped after it.
    const justAfter = modifiedClient(t.b.store).write('signoff', signoffFields(t.ids, 'sam', 'security', 'halt', t.b.store.deviceId, 'Pen test pending'), {
      author: t.ids.sam,
      hlc: `${new Date(Date.parse(enrolled.hlc.slice(0, 24)) + 1).toISOString()}-0000-${t.b.store.deviceId}`,
    });
    expect((await t.push('sam', t.b.store.deviceId, justAfter)).status).toBe(200);
    await t.syncA();
    const gate = await gateOf(t.a, t.ids.releaseId);
    expect(gate.decision).toBe('go');
    expect(gate.signoffs.map((s) => `${s.action}:${s.verified}`).sort()).toEqual(['assert:true', 'halt:true']);
    const audit = await auditOf(t.a, t.ids.releaseId);
    expect(audit.find((e) => e.kind === 'halt')).toMatchObject({ member: 'Sam', verification: { status: 'verified' } });

    // A place in his chain the server already holds cannot be written again, whatever its stamp.
    const [pushed] = recordChanges(t.b, t.b.store.reader.findEqual('signoff', 'personId', t.ids.sam)[0].id);
    const rewound = new Forger(t.workspaceId, t.b.store.deviceKey, { seq: pushed.chainSeq - 1, link: '0'.repeat(64) });
    const again = await t.push('sam', t.b.store.deviceId, rewound.write('signoff', signoffFields(t.ids, 'sam', 'security', 'halt', t.b.store.deviceId, 'rewound'), { author: t.ids.sam }));
    expect(again.status).toBe(403);
    expect(again.body.error?.message).toMatch(/already sent another change at place \d+ of its chain/);
  });

  it.skipIf(skip)('poison values are refused by the server; let through, each is held on its own on every client and later changes still arrive', async () => {
    const t = await teamOnServer(cleanups, { store: kind });
    const environmentId = t.a.store.reader.list('environment')[0].id;
    const poison = (forger: Forger) => [
      ...forger.write('environment', { position: 1.5 }, { rowId: environmentId, author: t.ids.sam }),
      ...forger.write('release', { name: 42 }, { rowId: t.ids.releaseId, author: t.ids.sam }),
      // An empty window once passed as "not known yet", and every device's gate for the release then failed.
      ...forger.write('release', { windowStart: '' }, { rowId: t.ids.releaseId, author: t.ids.sam }),
      forger.change({ hlc: forger.stamp(new Date().toISOString()), author: t.ids.sam, entity: 'rocket', rowId: 'r-1', field: 'fuel', value: 'kerosene' }),
    ];
    const expected = [
      /its value for environment\.position is invalid: .*expected int, received number \(1\.5\)/i,
      /its value for release\.name is invalid: .*expected string, received number \(42\)/i,
      /its value for release\.windowStart is not an instant like 2026-12-05T22:00:00\.000Z \(""\)/i,
      /"rocket" is not a kind of record this version of Release Desk knows/,
    ];
    const before = (await t.stored());
    for (const [i, change] of poison(modifiedClient(t.b.store)).entries()) {
      const answer = await t.push('sam', t.b.store.deviceId, [change]);
      expect(answer.status).toBe(403);
      expect(answer.body.error?.message).toMatch(expected[i]);
    }
    expect((await t.stored())).toBe(before);

    // A server that stored them anyway relays them; Priya's edit after them must still reach everyone.
    await t.insertOnServer(poison(new Forger(t.workspaceId)));
    await call(t.a, 'releases.update', { id: t.ids.releaseId, changes: { description: 'Cutover moved to 23:00' } });
    for (let round = 0; round < 2; round++) {
      expect((await t.syncA()).held).toBe(round === 0 ? expected.length : 0);
      expect((await t.syncB()).held).toBe(round === 0 ? expected.length : 0);
    }
    for (const s of [t.a, t.b]) {
      expect((await call<{ description: string; name: string }>(s, 'releases.get', { id: t.ids.releaseId })).description).toBe('Cutover moved to 23:00');
      const held = await heldOn(s);
      expect(held.map((h) => h.kind).sort()).toEqual(['invalid', 'invalid', 'invalid', 'unknown']);
      for (const pattern of expected) expect(held.some((h) => pattern.test(h.reason))).toBe(true);
    }
    // Later edits keep arriving, and the gate answers.
    await call(t.b, 'readiness.signoff', { releaseId: t.ids.releaseId, state: 'security', action: 'halt', comment: 'CVE-2027-0042 open', asPersonId: t.ids.sam });
    await t.syncB();
    await t.syncA();
    expect((await gateOf(t.a, t.ids.releaseId)).decision).toBe('halted');
  });

  it.skipIf(skip)('a sign-off the server refused counts nowhere, not even on the laptop that wrote it', async () => {
    const t = await teamOnServer(cleanups, { store: kind });
    // Sam's laptop clock runs 20 minutes fast. He halts Security; his laptop says halted at once.
    t.bClock.aheadMs = 20 * 60_000;
    await call(t.b, 'readiness.signoff', { releaseId: t.ids.releaseId, state: 'security', action: 'halt', comment: 'CVE-2027-0042 open', asPersonId: t.ids.sam });
    expect((await gateOf(t.b, t.ids.releaseId)).decision).toBe('halted');
    // The server refuses what is stamped 20 minutes ahead of its clock. From then on Sam's laptop agrees with
    // everyone else's: the halt does not count there either, and it says why.
    const report = await t.syncB();
    expect(report.warnings.join(' ')).toMatch(/The team server refused a signoff change: it is stamped 20 minutes ahead of the team server's clock/);
    await t.syncA();
    for (const s of [t.a, t.b]) expect((await gateOf(s, t.ids.releaseId)).decision).toBe('go');
    const [mine] = (await gateOf(t.b, t.ids.releaseId)).signoffs;
    expect(mine).toMatchObject({ action: 'halt', verified: false, reason: expect.stringMatching(/^the team server refused it: it is stamped 20 minutes ahead/) });
    expect((await auditOf(t.b, t.ids.releaseId)).find((e) => e.kind === 'halt')?.verification).toMatchObject({ status: 'unverified' });
    expect((await heldOn(t.b)).filter((h) => h.entity === 'signoff').every((h) => h.kind === 'server')).toBe(true);
    expect((await gateOf(t.a, t.ids.releaseId)).signoffs).toEqual([]);
    // The places of Sam's chain the server refused are missing on Priya's laptop, and that is no sign of tampering.
    expect(await call(t.a, 'workspace.verify', {})).toMatchObject({ ok: true, problems: [] });
  });

  it.skipIf(skip)("what the server refused leaves a gap in the writer's chain that no other device calls tampering", async () => {
    const t = await teamOnServer(cleanups, { store: kind });
    // A modified client on Sam's laptop writes a halt in Priya's name into its own log, then Sam edits as usual.
    t.tamperB(modifiedClient(t.b.store).write('signoff', signoffFields(t.ids, 'priya', 'product', 'halt', t.b.store.deviceId, 'not mine to say'), { author: t.ids.priya }));
    await call(t.b, 'releases.update', { id: t.ids.releaseId, changes: { description: 'Edited on B after the halt' } });
    const report = await t.syncB();
    expect(report.warnings.join(' ')).toMatch(/it is written in the name of person \S+, and Sam signs in as person/);
    await t.syncA();
    expect((await call<{ description: string }>(t.a, 'releases.get', { id: t.ids.releaseId })).description).toBe('Edited on B after the halt');
    // Sam's seal covers places Priya's laptop never got: the server refused them, nobody removed them.
    expect(await call(t.a, 'workspace.verify', {})).toMatchObject({ ok: true, problems: [] });
    expect((await gateOf(t.b, t.ids.releaseId)).decision).toBe('go');
  });

  it.skipIf(skip)("issue 12: a record replayed from another workspace is forged here, and a withdrawn record replayed changes nothing", async () => {
    const t = await teamOnServer(cleanups, { store: kind });
    // Another team's workspace where "Priya" (the same person id: ids are not secret) halted "this" release for real.
    const other = tempSession();
    cleanups.push(other.cleanup);
    other.session.store.mutate('setup', (w) => {
      w.insert('person', t.ids.priya, { name: TEAM.priya.name, email: '', roles: ['admin', 'product-owner'] });
      w.insert('release', t.ids.releaseId, { name: 'Payments', version: '2.4.0', systemIds: [], environmentIds: [], windowStart: '2027-03-05T21:00:00.000Z', windowEnd: '2027-03-06T01:00:00.000Z', timeZone: 'UTC', status: 'planned', ownerId: null, description: '' });
    });
    await enrolHere(other.session, [t.ids.priya]);
    await call(other.session, 'readiness.signoff', { releaseId: t.ids.releaseId, state: 'product', action: 'halt', comment: 'Replayed halt', asPersonId: t.ids.priya });
    const replay = changesOf(other.session).filter((c) => c.entity === 'signoff');
    const answer = await t.push('priya', t.a.store.deviceId, replay);
    expect(answer.status).toBe(403);
    expect(answer.body.error?.message).toMatch(/its signature does not match what it says \(edited after it was written, or written for another workspace\)/);
    await t.insertOnServer(replay, 'priya');
    await t.sync();
    for (const s of [t.a, t.b]) {
      const gate = await gateOf(s, t.ids.releaseId);
      expect(gate.decision).toBe('go');
      expect(gate.signoffs).toEqual([expect.objectContaining({ action: 'halt', verified: false, reason: expect.stringMatching(/written for another workspace/) })]);
    }

    // Priya asserted Product, then withdrew it. Sending the assertion again brings nothing back: it is the same record.
    await call(t.a, 'checklists.tick', { itemId: t.ids.itemId, asPersonId: t.ids.priya });
    await call(t.a, 'readiness.signoff', { releaseId: t.ids.releaseId, state: 'product', action: 'assert', comment: 'UAT passed', asPersonId: t.ids.priya });
    await call(t.a, 'readiness.signoff', { releaseId: t.ids.releaseId, state: 'product', action: 'withdraw', comment: 'UAT reopened', asPersonId: t.ids.priya });
    await t.sync();
    const assertId = t.a.store.reader.list('signoff').find((s) => s.action === 'assert')!.id;
    for (const [who, device] of [['priya', t.a.store.deviceId], ['sam', t.b.store.deviceId]] as const) {
      expect(await t.push(who, device, recordChanges(t.a, assertId))).toMatchObject({ status: 200, body: { value: { accepted: 0 } } });
    }
    await t.sync();
    for (const s of [t.a, t.b]) {
      const readiness = await call<{ states: Array<{ state: string; status: string }> }>(s, 'readiness.get', { releaseId: t.ids.releaseId });
      expect(readiness.states.find((x) => x.state === 'product')?.status).toBe('unasserted');
    }
  });

  it.skipIf(skip)('issue 12: a halt moved to another release does not count there, on any device', async () => {
    const t = await teamOnServer(cleanups, { store: kind });
    await call(t.a, 'readiness.signoff', { releaseId: t.ids.releaseId, state: 'product', action: 'halt', comment: 'UAT defect PAY-12 open', asPersonId: t.ids.priya });
    await t.sync();
    const haltId = t.a.store.reader.list('signoff').find((s) => s.action === 'halt')!.id;
    const halt = recordChanges(t.a, haltId);
    // The same record, now "for" release 2.5.0: under its own identity the server already holds the original.
    const moved = halt.map((c) => (c.field === 'releaseId' ? { ...c, value: t.ids.otherReleaseId } : c));
    const sameIdentity = await t.push('priya', t.a.store.deviceId, moved);
    expect(sameIdentity.status).toBe(403);
    expect(sameIdentity.body.error?.message).toMatch(/a different change with the same identity \(record, field and stamp\) is already stored/);
    // Under a new stamp (and the id that stamp gives), with the original signature: let through by the server.
    const hlc = halt[0].hlc.replace(/-(\d{4})-/, (_m, counter: string) => `-${(Number.parseInt(counter, 16) + 7).toString(16).padStart(4, '0')}-`);
    const restamped = moved.map((c) => ({ ...c, hlc, rowId: recordId('signoff', hlc) }));
    await t.insertOnServer(restamped, 'priya');
    await t.sync();
    for (const s of [t.a, t.b]) {
      const other = await gateOf(s, t.ids.otherReleaseId);
      expect(other.decision).toBe('go');
      expect(other.signoffs).toEqual([expect.objectContaining({ action: 'halt', verified: false, reason: expect.stringMatching(/its signature does not match what it says/) })]);
      expect((await auditOf(s, t.ids.otherReleaseId)).map((e) => e.verification.status)).toContain('unverified');
      expect((await gateOf(s, t.ids.releaseId)).decision).toBe('halted');
    }
  });

  it.skipIf(skip)('issue 12: a role grant signed by no admin counts nowhere, nor does what it would have allowed', async () => {
    const t = await teamOnServer(cleanups, { store: kind });
    await t.sync();
    // Sam's modified client grants him the product owner's role and asserts Product readiness with it.
    const sam = modifiedClient(t.b.store);
    const grant = sam.write('person', { roles: ['security-architect', 'product-owner'] }, { rowId: t.ids.sam, author: t.ids.sam });
    const assert = sam.write('signoff', signoffFields(t.ids, 'sam', 'product', 'assert', t.b.store.deviceId, 'Looks fine to me'), { author: t.ids.sam });
    const answer = await t.push('sam', t.b.store.deviceId, [...grant, ...assert]);
    expect(answer.status).toBe(403);
    expect(answer.body.error?.refused?.map((r) => r.reason)).toEqual(
      expect.arrayContaining([expect.stringMatching(/only a workspace admin may change/), expect.stringMatching(/Sam Okafor did not hold the Product owner role for Product readiness/)]),
    );
    // Had the server let both through, no device takes the grant, and the assertion stays unverified.
    await t.insertOnServer([...grant, ...assert]);
    await t.sync();
    for (const s of [t.a, t.b]) {
      const people = await call<Array<{ id: string; roles: string[] }>>(s, 'people.list', {});
      expect(people.find((p) => p.id === t.ids.sam)?.roles).toEqual(['security-architect']);
      const gate = await gateOf(s, t.ids.releaseId);
      expect(gate.signoffs).toEqual([expect.objectContaining({ state: 'product', verified: false, reason: expect.stringMatching(/did not hold the Product owner role/) })]);
      expect((await heldOn(s)).filter((h) => h.entity === 'person').map((h) => h.kind)).toEqual(['unverified', 'unverified']);
    }
  });

  it.skipIf(skip)('issue 12: a revoked key signs nothing after its revocation, whatever the stamps say; what it signed before still counts', async () => {
    const t = await teamOnServer(cleanups, { store: kind });
    await call(t.b, 'readiness.signoff', { releaseId: t.ids.releaseId, state: 'security', action: 'halt', comment: 'CVE-2027-0042 open', asPersonId: t.ids.sam });
    await t.sync();
    await t.syncA();
    const haltId = t.a.store.reader.list('signoff').find((s) => s.action === 'halt')!.id;
    // Sam's laptop is stolen. Priya revokes its key.
    await call(t.a, 'keys.revoke', { deviceId: t.b.store.deviceId, reason: 'laptop stolen' });
    await t.syncA();
    // The thief lifts the halt, stamped an hour before the revocation, with the laptop's (still valid-looking) key.
    const revokedAt = Date.parse(t.a.store.trustView().revocations[0].hlc.slice(0, 24));
    const lift = modifiedClient(t.b.store).write(
      'signoff',
      { ...signoffFields(t.ids, 'sam', 'security', 'withdraw', t.b.store.deviceId, 'fixed'), withdrawsId: haltId },
      { author: t.ids.sam, at: new Date(revokedAt - 3600_000).toISOString() },
    );
    const answer = await t.push('sam', t.b.store.deviceId, lift);
    expect(answer.status).toBe(403);
    expect(answer.body.error?.message).toMatch(/its key was revoked on \d{4}-\d{2}-\d{2} \(laptop stolen\)/);
    await t.insertOnServer(lift);
    await t.syncA();
    const gate = await gateOf(t.a, t.ids.releaseId);
    expect(gate.decision).toBe('halted');
    expect(gate.signoffs).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'halt', verified: true }),
        expect.objectContaining({ action: 'withdraw', verified: false, reason: expect.stringMatching(/its key was revoked on \d{4}-\d{2}-\d{2} \(laptop stolen\)/) }),
      ]),
    );
    const audit = await auditOf(t.a, t.ids.releaseId);
    expect(audit.find((e) => e.kind === 'withdraw')?.verification.status).toBe('unverified');
    expect(audit.find((e) => e.kind === 'halt')?.verification.status).toBe('verified');
  });
});
