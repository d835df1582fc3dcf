import { CLAIM_START_GRACE_MS, claimIsStale, scheduleClaimStream, startIsOverdue } from './claims';

const at = (iso: string) => Date.parse(iso);

describe('schedule claims', () => {
  it('puts the ticks of one minute in one stream per resource', () => {
    const minute = at('2026-06-01T12:34:00Z');
    expect(scheduleClaimStream('p1', minute)).toBe(`scheduleclaims-p1-${minute}`);
    expect(scheduleClaimStream('p1', minute + 59_000)).toBe(`scheduleclaims-p1-${minute}`);
    expect(scheduleClaimStream('p1', minute + 60_000)).toBe(`scheduleclaims-p1-${minute + 60_000}`);
    expect(scheduleClaimStream('p2', minute)).toBe(`scheduleclaims-p2-${minute}`);
    // An every-second schedule: 3,600 ticks an hour in 60 streams.
    const streams = new Set(
      Array.from({ length: 3600 }, (_, i) => scheduleClaimStream('p1', minute + i * 1000)),
    );
    expect(streams.size).toBe(60);
  });

  it("leaves a claimer its grace to start the run, then it is another replica's to start", () => {
    const claimed = at('2026-06-01T12:00:00Z');
    expect(startIsOverdue(claimed, claimed + CLAIM_START_GRACE_MS - 1)).toBe(false);
    expect(startIsOverdue(claimed, claimed + CLAIM_START_GRACE_MS)).toBe(true);
    expect(startIsOverdue(claimed, claimed + 500, 500)).toBe(true);
  });

  it('gives up a claim left unstarted past its grace and the catch-up window', () => {
    const claimed = at('2026-06-01T12:00:00Z');
    const horizon = CLAIM_START_GRACE_MS + 120_000;
    expect(claimIsStale(claimed, claimed + horizon, 120_000)).toBe(false);
    expect(claimIsStale(claimed, claimed + horizon + 1, 120_000)).toBe(true);
    // Never sooner than a minute's stream after the grace, whatever the window.
    expect(claimIsStale(claimed, claimed + CLAIM_START_GRACE_MS + 30_000, 0)).toBe(false);
  });
});
