/** What one prune removed, and the space it freed when Docker tells. */
export interface PruneOutcome {
  heading: string;
  removed: string[];
  reclaimed?: number;
}

/** The CLI's wording, so the Update reads the same as a `docker ... prune` would. */
export function pruneReport(outcomes: PruneOutcome[]): string {
  const sections = outcomes.map(({ heading, removed }) =>
    removed.length ? `${heading}:\n${removed.join('\n')}\n` : `${heading}: none\n`,
  );
  const reclaimed = outcomes.reduce((sum, o) => sum + (o.reclaimed ?? 0), 0);
  return `${sections.join('\n')}\nTotal reclaimed space: ${formatBytes(reclaimed)}\n`;
}

export function formatBytes(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${unit ? value.toFixed(2).replace(/\.?0+$/, '') : value}${units[unit]}`;
}
