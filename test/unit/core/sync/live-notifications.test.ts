import { describe, expect, it } from 'vitest';
import { decideNotifications, NOTIFICATION_KINDS, type Happening, type Reader } from '../../../../electron/core/domain/live-notifications';

const AMARA = 'p-amara';
const PRIYA = 'p-priya';
const all = new Set(NOTIFICATION_KINDS);
const priya: Reader = { personId: PRIYA, coordinates: false, enabled: all };

const halt = (by: string, ownerId: string | null): Happening => ({
  kind: 'signoff', action: 'halt', by, byName: by === AMARA ? 'Amara Okafor' : 'Priya Natarajan', stateLabel: 'Security', release: 'Payments API 3.0.2', releaseOwnerId: ownerId,
});
const next = (ownerId: string | null, checkpoint = false): Happening => ({
  kind: 'next', by: AMARA, byName: 'Amara Okafor', step: checkpoint ? 'Go/no-go: open the shop' : 'Deploy payments-api', stepOwnerId: ownerId, checkpoint, release: 'Payments API 3.0.2',
});

describe('which moments notify whom', () => {
  it('a halt on a release the reader owns, or on any release when they coordinate; not on others', () => {
    expect(decideNotifications([halt(AMARA, PRIYA)], priya)).toEqual([
      { kind: 'halt', title: 'Halt on Payments API 3.0.2', body: 'Amara Okafor halted Security on Payments API 3.0.2.' },
    ]);
    expect(decideNotifications([halt(AMARA, 'someone-else')], priya)).toEqual([]);
    expect(decideNotifications([halt(AMARA, 'someone-else')], { ...priya, coordinates: true })).toHaveLength(1);
  });

  it('never for the reader\'s own actions', () => {
    expect(decideNotifications([halt(PRIYA, PRIYA)], priya)).toEqual([]);
    expect(decideNotifications([{ kind: 'execution', action: 'no-go', by: PRIYA, byName: 'Priya Natarajan', step: 'Open the shop', release: 'Payments API 3.0.2' }], priya)).toEqual([]);
  });

  it('a no-go by someone else; a step of the reader\'s that may start now; a go/no-go checkpoint reached', () => {
    const kinds = decideNotifications(
      [{ kind: 'execution', action: 'no-go', by: AMARA, byName: 'Amara Okafor', step: 'Open the shop', release: 'Payments API 3.0.2' }, next(PRIYA), next(null, true), next('p-ben')],
      priya,
    ).map((n) => n.kind);
    expect(kinds).toEqual(['no-go', 'your-step-next', 'checkpoint']);
  });

  it('only the moments the reader chose', () => {
    expect(decideNotifications([halt(AMARA, PRIYA), next(null, true)], { ...priya, enabled: new Set(['checkpoint'] as const) }).map((n) => n.kind)).toEqual(['checkpoint']);
  });
});
