import { decideServerStatus, evolveServerStatus, unknownServerStatus } from './server-status';

describe('server status', () => {
  const ok = { state: 'Ok' as const, reason: '', version: '1.0.0' };
  it('records a change, and nothing when the same is observed again', () => {
    const events = decideServerStatus(undefined, ok);
    expect(events).toEqual([{ type: 'ServerStatusChanged', data: ok }]);
    const status = events.reduce(evolveServerStatus, unknownServerStatus());
    expect(decideServerStatus(status, ok)).toEqual([]);
    expect(
      decideServerStatus(status, { state: 'NotOk', reason: 'connection refused', version: '' }),
    ).toEqual([
      {
        type: 'ServerStatusChanged',
        data: { state: 'NotOk', reason: 'connection refused', version: '1.0.0' },
      },
    ]);
  });
  it('pins a certificate once', () => {
    const pinned = decideServerStatus(undefined, { ...ok, fingerprint: 'AB:CD' });
    expect(pinned[1]).toEqual({ type: 'ServerCertificatePinned', data: { fingerprint: 'AB:CD' } });
    const status = pinned.reduce(evolveServerStatus, unknownServerStatus());
    expect(decideServerStatus(status, { ...ok, fingerprint: 'EF:01' })).toEqual([]);
  });
});
