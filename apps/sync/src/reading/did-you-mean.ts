/**
 * Edit distance counting a swap of two neighbours as one edit (optimal string alignment): the
 * slips a keyboard makes (`restrat`, `wbe`).
 */
export function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/**
 * The known name closest to `given`, when close enough to be a slip of the keyboard (at most a
 * third of its letters off, and at least one), as ` (did you mean 'x'?)`; else ''.
 */
export function didYouMean(given: string, known: Iterable<string>): string {
  const limit = Math.max(1, Math.floor(given.length / 3));
  let best: { name: string; distance: number } | undefined;
  for (const name of known) {
    const distance = editDistance(given.toLowerCase(), name.toLowerCase());
    if (name !== given && distance <= limit && (!best || distance < best.distance))
      best = { name, distance };
  }
  return best ? ` (did you mean '${best.name}'?)` : '';
}
