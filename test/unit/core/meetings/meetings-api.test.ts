import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiInput, ApiMethod, ApiOutput } from '../../../../electron/contract/api-contract';
import { releaseInput, seedBasics, tempSession, valueOf } from '../../../helpers/temp-workspace';

describe('coordination meeting through the API', () => {
  let t: ReturnType<typeof tempSession>;
  beforeEach(() => (t = tempSession()));
  afterEach(() => t.cleanup());
  /** The session's dispatch is untyped (it validates at run time); the contract types the result here. */
  const call = async <M extends ApiMethod>(method: M, input: ApiInput<M>) => valueOf(await t.session.dispatch(method, input)) as ApiOutput<M>;

  async function setUp() {
    const basics = await seedBasics(t.session);
    await call('workspace.setCurrentPerson', { personId: basics.personId });
    const release = await call('releases.create', releaseInput(basics) as ApiInput<'releases.create'>);
    const outside = await call('releases.create', releaseInput(basics, { name: 'Later', windowStart: '2027-02-01T10:00:00Z', windowEnd: '2027-02-01T12:00:00Z' }) as ApiInput<'releases.create'>);
    const meeting = await call('meetings.create', { title: 'Weekly coordination', from: '2026-12-01T00:00:00Z', to: '2026-12-08T00:00:00Z', attendeeIds: [basics.personId] });
    return { basics, release, outside, meeting };
  }

  it('puts only the releases in range on the agenda, with their readiness and target environments', async () => {
    const { release, meeting, basics } = await setUp();
    expect(meeting.agenda.map((a) => a.release.id)).toEqual([release.id]);
    expect(meeting.agenda[0].states.map((s) => [s.status, s.word])).toEqual(Array(4).fill(['unasserted', 'Presumed ready']));
    expect(meeting.agenda[0].gate).toMatchObject({ policy: 'presumptive', decision: 'go' });
    expect(meeting.environments).toMatchObject([{ environmentId: basics.environmentId, prepared: false, releaseIds: [release.id] }]);
    expect(meeting.attendees.map((a) => a.name)).toEqual(['Priya Natarajan']);
    expect(meeting.meeting.timeZone).toBe('UTC');
  });

  it('keeps every decision, the latest counts; a hold needs a note; nothing is written for a refused one', async () => {
    const { release, meeting } = await setUp();
    const refused = await t.session.dispatch('meetings.decide', { meetingId: meeting.meeting.id, releaseId: release.id, decision: 'hold', note: '' });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.field).toBe('note');
    await call('meetings.decide', { meetingId: meeting.meeting.id, releaseId: release.id, decision: 'hold', note: 'Scan pending' });
    const view = await call('meetings.decide', { meetingId: meeting.meeting.id, releaseId: release.id, decision: 'go' });
    expect(view.agenda[0].decision).toMatchObject({ decision: 'go', by: { name: 'Priya Natarajan' } });
    expect(view.agenda[0].decisions.map((d) => d.decision)).toEqual(['hold', 'go']);
    expect(t.session.store.db.prepare('SELECT count(*) AS n FROM meeting_decisions').get()).toEqual({ n: 2 });
    // Both decisions are part of the release's back-trace audit, with the meeting they were taken in.
    const audit = await call('audit.release', { releaseId: release.id });
    expect(audit.filter((e) => e.kind === 'decision').map((e) => [e.what, e.comment, e.who])).toEqual([
      ['Decided go in "Weekly coordination".', '', 'Priya Natarajan'],
      ['Decided to hold in "Weekly coordination".', 'Scan pending', 'Priya Natarajan'],
    ]);
  });

  it('records environments prepared, attendees and action items done by whom', async () => {
    const { meeting, basics } = await setUp();
    const id = meeting.meeting.id;
    let view = await call('meetings.setEnvironmentPrepared', { meetingId: id, environmentId: basics.environmentId, prepared: true, note: 'Certificates renewed' });
    expect(view.environments[0]).toMatchObject({ prepared: true, note: 'Certificates renewed', by: { name: 'Priya Natarajan' } });
    view = await call('meetings.actions.create', { meetingId: id, title: 'Train support', ownerId: basics.personId, dueDate: '2026-12-03' });
    const actionId = view.actions[0].id;
    view = await call('meetings.actions.complete', { id: actionId });
    expect(view.actions[0]).toMatchObject({ done: true, doneBy: { name: 'Priya Natarajan' } });
    view = await call('meetings.setAttendees', { meetingId: id, personIds: [] });
    expect(view.attendees).toEqual([]);
    view = await call('meetings.setAttendees', { meetingId: id, personIds: [basics.personId] });
    expect(view.attendees).toHaveLength(1);
    const [summary] = await call('meetings.list', {});
    expect(summary).toMatchObject({ releaseCount: 1, openActionCount: 0, attendeeCount: 1 });
  });

  it('refuses an owner who does not exist, naming the field', async () => {
    const { meeting } = await setUp();
    const result = await t.session.dispatch('meetings.actions.create', { meetingId: meeting.meeting.id, title: 'X', ownerId: 'nobody', dueDate: '2026-12-03' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.field).toBe('ownerId');
  });

  it('exports minutes as Markdown and as a PDF whose text names the releases', async () => {
    const { meeting, release } = await setUp();
    await call('meetings.decide', { meetingId: meeting.meeting.id, releaseId: release.id, decision: 'reschedule', note: 'Move to the next window' });
    const md = await call('meetings.exportMinutes', { meetingId: meeting.meeting.id, format: 'md' });
    expect(md.fileName).toMatch(/\.md$/);
    expect(md.content).toContain('| Payments 2.4.0 |');
    expect(md.content).toContain('Reschedule (Priya Natarajan): Move to the next window');
    // The minutes read the workspace policy as the board does: states nobody asserted are presumed ready.
    expect(md.content).toContain('Readiness policy: presumptive release (a release goes unless an empowered role halts it');
    expect(md.content).toMatch(/\| Payments 2\.4\.0 \| .* \| […!] Presumed ready \|/);
    expect(md.content).toMatch(/- Security: Not asserted: presumed ready/);
    const pdf = await call('meetings.exportMinutes', { meetingId: meeting.meeting.id, format: 'pdf' });
    const bytes = Buffer.from(pdf.content, 'base64');
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const file = path.join(path.dirname(t.file), 'minutes.pdf');
    fs.writeFileSync(file, bytes);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Payments 2.4.0');
    expect(text).toContain('Security: Not asserted: presumed ready.');
    expect(text).toContain('Readiness policy: presumptive release');
  });
});
