const format = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

/** A moment, as local date and time, with the exact instant on hover. */
export function Time({ ms }: { ms?: number }) {
  if (!ms) return <span className="muted">—</span>;
  const date = new Date(ms);
  return (
    <time dateTime={date.toISOString()} title={date.toISOString()}>
      {format.format(date)}
    </time>
  );
}

export function duration(fromMs: number, toMs?: number): string {
  if (!toMs) return '…';
  const ms = toMs - fromMs;
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}
