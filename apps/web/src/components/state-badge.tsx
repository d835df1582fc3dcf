/** States as the gateway names them (Komodo's), grouped by what they mean to someone looking. */
const TONES: Record<string, 'good' | 'bad' | 'busy' | 'idle'> = {
  Ok: 'good',
  running: 'good',
  healthy: 'good',
  Complete: 'good',
  NotOk: 'bad',
  exited: 'bad',
  dead: 'bad',
  unhealthy: 'bad',
  Failed: 'bad',
  CRITICAL: 'bad',
  open: 'bad',
  restarting: 'busy',
  deploying: 'busy',
  paused: 'busy',
  created: 'busy',
  removing: 'busy',
  stopping: 'busy',
  InProgress: 'busy',
  Building: 'busy',
  Cloning: 'busy',
  Pulling: 'busy',
  Queued: 'busy',
  WARNING: 'busy',
  OK: 'good',
  // An Alerter's health, and where a delivery stands.
  Failing: 'bad',
  Delivered: 'good',
  GivenUp: 'bad',
  Pending: 'busy',
  Syncing: 'busy',
  InFlight: 'busy',
  Held: 'busy',
};

export function StateBadge({ state }: { state?: string }) {
  const text = state ?? 'Unknown';
  return (
    <span className={`badge badge-${TONES[text] ?? 'idle'}`} data-state={text}>
      {readable(text)}
    </span>
  );
}

/** `not_deployed` reads as "not deployed"; the attribute keeps the gateway's spelling. */
export function readable(state: string): string {
  return state.replace(/_/g, ' ');
}
