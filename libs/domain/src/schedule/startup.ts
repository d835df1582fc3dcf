/**
 * Actions with `run_at_startup` run once per start of the installation, not once per replica.
 * A start is a generation: the procedures replicas that are up together. A replica that starts
 * while another is alive joins that one's generation; one that finds none alive begins one.
 * Replicas say so in hourly streams (`procedurestartup-<hour ms>`): `StartupGenerationBegun` and
 * `ReplicaAlive` (on joining, then every minute), and
 * `ReplicaStopped` when a replica stops cleanly. Each start-up run is claimed by creating
 * `actionstartup-<action id>-<generation>` (expected `no_stream`): one replica of the
 * generation runs it.
 */
export const STARTUP_SEGMENT_MS = 3_600_000;

/** How often a replica says it is alive. */
export const REPLICA_ALIVE_EVERY_MS = 60_000;

/** A replica not heard of for this long is taken for stopped. */
export const REPLICA_LIVE_FOR_MS = 150_000;

/** A generation's first minute: replicas joining it then still claim its start-up runs. */
export const STARTUP_PHASE_MS = 60_000;

export type StartupEventType = 'StartupGenerationBegun' | 'ReplicaAlive' | 'ReplicaStopped';

export interface Generation {
  generation: string;
  /** When its first replica began it: the start of the installation. */
  begunAt: number;
}

export interface StartupFact extends Generation {
  replica: string;
}

/** A startup event as read back: its type, data, when, and where in the log. */
export interface StartupEvent {
  type: StartupEventType;
  data: StartupFact;
  at: number;
  position: number;
}

export const startupStream = (ms: number) => `procedurestartup-${ms - (ms % STARTUP_SEGMENT_MS)}`;

/**
 * The streams a replica reads at start: the hour before, this one, and the next (a replica whose
 * clock runs ahead may already write there).
 */
export const startupStreamsAround = (nowMs: number) =>
  [nowMs - STARTUP_SEGMENT_MS, nowMs, nowMs + STARTUP_SEGMENT_MS].map(startupStream);

export const actionStartupStream = (actionId: string, generation: string) =>
  `actionstartup-${actionId}-${generation}`;

/**
 * The replicas other than `me` alive at `nowMs`, by their last word: a begin, join or heartbeat
 * younger than `liveForMs`, not a stop.
 */
export function liveReplicas(
  events: StartupEvent[],
  me: string,
  nowMs: number,
  liveForMs = REPLICA_LIVE_FOR_MS,
): StartupEvent[] {
  const last = new Map<string, StartupEvent>();
  for (const event of [...events].sort((a, b) => a.position - b.position)) {
    last.set(event.data.replica, event);
  }
  return [...last.values()].filter(
    (e) => e.data.replica !== me && e.type !== 'ReplicaStopped' && nowMs - e.at <= liveForMs,
  );
}

/**
 * The generation of the replicas alive (see liveReplicas), or undefined when none is. Should
 * they name several (a replica began anew, finding those it had joined gone, while another
 * still names theirs), the latest begun.
 */
export function liveGeneration(
  events: StartupEvent[],
  me: string,
  nowMs: number,
  liveForMs = REPLICA_LIVE_FOR_MS,
): Generation | undefined {
  const [latest] = liveReplicas(events, me, nowMs, liveForMs).sort(
    (a, b) => b.data.begunAt - a.data.begunAt,
  );
  return latest && { generation: latest.data.generation, begunAt: latest.data.begunAt };
}

/**
 * Which generation replicas that began one at once settle on: of the generations begun after
 * `seenUpTo` (the log position a replica had read when it found none alive), the first in the
 * log. Each of them reads the others' after writing its own, so all pick the same.
 */
export function settledGeneration(
  events: StartupEvent[],
  seenUpTo: number,
): Generation | undefined {
  const begun = events
    .filter((e) => e.type === 'StartupGenerationBegun' && e.position > seenUpTo)
    .sort((a, b) => a.position - b.position);
  return begun[0] && { generation: begun[0].data.generation, begunAt: begun[0].data.begunAt };
}

/** Whether a replica in `generation` still claims its start-up runs at `nowMs`. */
export const inStartupPhase = ({ begunAt }: Generation, nowMs: number) =>
  nowMs - begunAt <= STARTUP_PHASE_MS;
