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
    const refused = await t.session.client()['meetings.decide']({ meetingId: meeting.meeting.id, releaseId: release.id, decision: 'hold', note: '' });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.field).toBe('note');
    await call('meetings.decide', { meetingId: meeting.meeting.id, releaseId: release.id, decision: 'hold', note: 'Scan pending' });
    const view = await call('meetings.decide', { meetingId: meeting.meeting.id, releaseId: release.id, decision: 'go' });
    expect(view.agenda[0].decision).toMatchObject({ decision: 'go', by: { name: 'Priya Natarajan' } });
    expect(view.agenda[0].decisions.map((d) => d.decision)).toEqual(['hold', 'go']);
    expect(t.session.store.reader.count('meetingDecision')).toBe(2);
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
    const result = await t.session.client()['meetings.actions.create']({ meetingId: meeting.meeting.id, title: 'X', ownerId: 'nobody', dueDate: '2026-12-03' });
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

  it('is held at a date and time; the minutes file carries the date where it is held (Berlin, not UTC)', async () => {
    const { basics } = await setUp();
    // Midnight in Berlin on 30 Nov is 23:00 UTC on 29 Nov: the file must say 30 Nov.
    const meeting = await call('meetings.create', {
      title: 'Release coordination',
      from: '2026-11-29T23:00:00Z',
      to: '2026-12-13T23:00:00Z',
      heldAt: '2026-11-29T23:30:00Z',
      timeZone: 'Europe/Berlin',
      attendeeIds: [basics.personId],
    });
    expect(meeting.meeting.heldAt).toBe('2026-11-29T23:30:00.000Z');
    const md = await call('meetings.exportMinutes', { meetingId: meeting.meeting.id, format: 'md' });
    expect(md.fileName).toBe('Release-coordination-2026-11-30-minutes.md');
    // A reader in New York: the minutes are in New York time, with the meeting's own time in brackets.
    await call('workspace.setViewerTimeZone', { timeZone: 'America/New_York' });
    const ny = await call('meetings.exportMinutes', { meetingId: meeting.meeting.id, format: 'md' });
    expect(ny.content).toContain('Held Sun 29 Nov 2026 18:30 [Mon 30 Nov 2026 00:30 Europe/Berlin]. Releases in Sun 29 Nov 2026 18:00 – Sun 13 Dec 2026 18:00. Times in America/New_York.');
    expect(ny.content).toContain('- Window: Sat 5 Dec 2026 16:00–20:00 [planned Sat 5 Dec 2026 22:00 – Sun 6 Dec 2026 02:00 Europe/Berlin]');
    expect(ny.fileName).toBe(md.fileName);
  });

  it('keeps general notes and decisions, printed in the minutes after the action items', async () => {
    const { meeting, basics } = await setUp();
    await call('meetings.actions.create', { meetingId: meeting.meeting.id, title: 'Train support', ownerId: basics.personId, dueDate: '2026-12-03' });
    const view = await call('meetings.update', { id: meeting.meeting.id, changes: { notes: 'Staging was slow on Tuesday.', decisions: 'No production releases on 24 December.' } });
    expect(view.meeting).toMatchObject({ notes: 'Staging was slow on Tuesday.', decisions: 'No production releases on 24 December.' });
    const md = (await call('meetings.exportMinutes', { meetingId: meeting.meeting.id, format: 'md' })).content;
    const order = ['## Action items (1)', '| Train support |', '## Decisions', 'No production releases on 24 December.', '## Notes', '## Releases (1)'].map((h) => md.indexOf(h));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('carries open action items over to later meetings; one closed since the meeting before shows there as done', async () => {
    const { basics } = await setUp();
    // Meetings in the past: the completions below are written now, after all of them.
    const meeting = (title: string, heldAt: string) => call('meetings.create', { title, from: heldAt, to: new Date(Date.parse(heldAt) + 7 * 86_400_000).toISOString(), heldAt });
    const first = await meeting('Week 2', '2026-01-05T09:00:00Z');
    await call('meetings.actions.create', { meetingId: first.meeting.id, title: 'Renew certificates', ownerId: basics.personId, dueDate: '2026-01-07' });
    const withTwo = await call('meetings.actions.create', { meetingId: first.meeting.id, title: 'Train support', ownerId: basics.personId, dueDate: '2026-01-07' });
    const next = await meeting('Week 3', '2026-01-12T09:00:00Z');
    expect(next.carriedOver.map((a) => [a.title, a.meetingTitle, a.done])).toEqual([
      ['Renew certificates', 'Week 2', false],
      ['Train support', 'Week 2', false],
    ]);
    expect(first.carriedOver).toEqual([]);
    // Closed while the later meeting is on screen: the answer is that meeting, listing it done, with who closed it.
    const closed = await call('meetings.actions.complete', { id: withTwo.actions.find((a) => a.title === 'Train support')!.id, inMeetingId: next.meeting.id });
    expect(closed.meeting.id).toBe(next.meeting.id);
    expect(closed.carriedOver.find((a) => a.title === 'Train support')).toMatchObject({ done: true, doneBy: { name: 'Priya Natarajan' } });
    // Two meetings on, the item closed before the meeting in between is gone; the open one still carries.
    await meeting('Week 4', '2030-01-07T09:00:00Z');
    const week5 = await meeting('Week 5', '2030-01-14T09:00:00Z');
    expect(week5.carriedOver.map((a) => [a.title, a.done])).toEqual([['Renew certificates', false]]);
    const md = (await call('meetings.exportMinutes', { meetingId: week5.meeting.id, format: 'md' })).content;
    expect(md).toMatch(/\| Renew certificates \(carried over from Week 2, .+\) \|/);
  });
});
