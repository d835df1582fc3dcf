/** The value below which `p` of the samples lie (nearest rank, the upper one at a tie). */
export function percentile(xs: readonly number[], p: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
}

export const median = (xs: readonly number[]) => percentile(xs, 0.5);
