import {
  inStartupPhase,
  liveGeneration,
  liveReplicas,
  REPLICA_LIVE_FOR_MS,
  settledGeneration,
  startupStream,
  startupStreamsAround,
  type StartupEvent,
  type StartupEventType,
} from './startup';

const T = Date.parse('2026-06-01T12:00:00Z');
let position = 0;
const said = (
  type: StartupEventType,
  replica: string,
  generation: string,
  at: number,
  begunAt = at,
): StartupEvent => ({ type, data: { replica, generation, begunAt }, at, position: ++position });

describe('start-up generations: given what replicas said, when one starts', () => {
  it('joins the generation of a replica alive, itself aside', () => {
    const events = [
      said('StartupGenerationBegun', 'a', 'g1', T),
      said('ReplicaAlive', 'b', 'g1', T + 5_000, T),
      said('ReplicaAlive', 'a', 'g1', T + 60_000, T),
    ];
    expect(liveGeneration(events, 'c', T + 100_000)).toEqual({ generation: 'g1', begunAt: T });
    expect(liveGeneration(events, 'a', T + 100_000)).toEqual({ generation: 'g1', begunAt: T });
  });

  it('begins one when every replica stopped or went silent', () => {
    const events = [
      said('StartupGenerationBegun', 'a', 'g1', T),
      said('ReplicaAlive', 'b', 'g1', T + 1_000, T),
      said('ReplicaStopped', 'a', 'g1', T + 2_000, T),
    ];
    // b alive until its silence is too long; a stopped cleanly.
    expect(liveGeneration(events, 'c', T + 1_000 + REPLICA_LIVE_FOR_MS)?.generation).toBe('g1');
    expect(liveGeneration(events, 'c', T + 1_001 + REPLICA_LIVE_FOR_MS)).toBeUndefined();
    expect(liveGeneration(events.slice(0, 1).concat(events[2]), 'c', T + 3_000)).toBeUndefined();
    // A replica restarted with its own name does not join its former self.
    expect(liveGeneration(events.slice(1, 2), 'b', T + 3_000)).toBeUndefined();
  });

  it('joins the latest begun when the replicas alive name several', () => {
    const events = [
      said('ReplicaAlive', 'c', 'g1', T + 100_000, T),
      said('StartupGenerationBegun', 'b', 'g2', T + 151_000),
    ];
    expect(liveGeneration(events, 'd', T + 152_000)).toEqual({
      generation: 'g2',
      begunAt: T + 151_000,
    });
    expect(liveReplicas(events, 'd', T + 152_000).map((e) => e.data.replica)).toEqual(['c', 'b']);
  });

  it('settles replicas that began at once on the first begun after what they had read', () => {
    const old = said('StartupGenerationBegun', 'x', 'g0', T - 86_400_000);
    const seenUpTo = old.position;
    const first = said('StartupGenerationBegun', 'a', 'g1', T);
    const second = said('StartupGenerationBegun', 'b', 'g2', T);
    expect(settledGeneration([old, second, first], seenUpTo)).toEqual({
      generation: 'g1',
      begunAt: T,
    });
    expect(settledGeneration([old], seenUpTo)).toBeUndefined();
  });

  it('claims start-up runs in the first minute of a generation only', () => {
    expect(inStartupPhase({ generation: 'g', begunAt: T }, T + 60_000)).toBe(true);
    expect(inStartupPhase({ generation: 'g', begunAt: T }, T + 60_001)).toBe(false);
  });

  it('says it in hourly streams, reading the hour before and after too', () => {
    expect(startupStream(T + 1_234_567)).toBe(`procedurestartup-${T}`);
    expect(startupStreamsAround(T + 10)).toEqual([
      `procedurestartup-${T - 3_600_000}`,
      `procedurestartup-${T}`,
      `procedurestartup-${T + 3_600_000}`,
    ]);
  });
});
