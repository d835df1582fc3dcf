/** The states anything is in, e.g. "2 running · 1 stopped"; states nobody is in are left out. */
export function StateSummary({ counts }: { counts: object }) {
  return (
    <span className="state-summary">
      {Object.entries(counts)
        .filter(([, n]) => typeof n === 'number' && n > 0)
        .map(([state, n]) => `${n} ${state.replace('_', ' ')}`)
        .join(' · ')}
    </span>
  );
}
