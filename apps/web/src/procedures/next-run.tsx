/** When a scheduled Procedure or Action runs next, from its list info (absent: not scheduled). */
export function NextRun({ item }: { item: unknown }) {
  const next = (item as { info?: { next_scheduled_run?: unknown } } | undefined)?.info
    ?.next_scheduled_run;
  if (typeof next !== 'number') return null;
  return <p className="muted">Next scheduled run: {new Date(next).toLocaleString()}</p>;
}
