export interface Series {
  label: string;
  /** `[ms since the epoch, value]`, in any order. */
  points: [number, number][];
}

const WIDTH = 320;
const HEIGHT = 90;

/**
 * A small SVG line chart of one or two series over time, scaled to `max` (or the highest
 * value). Enough to see a trend; the exact figures are beside it.
 */
export function LineChart({
  title,
  series,
  max,
  unit,
}: {
  title: string;
  series: Series[];
  max?: number;
  unit: string;
}) {
  const all = series.flatMap((s) => s.points);
  if (all.length < 2) return null;
  const times = all.map(([t]) => t);
  const from = Math.min(...times);
  const span = Math.max(1, Math.max(...times) - from);
  const top = max ?? Math.max(1, ...all.map(([, v]) => v));
  const x = (t: number) => ((t - from) / span) * WIDTH;
  const y = (v: number) => HEIGHT - (Math.min(v, top) / top) * HEIGHT;
  return (
    <figure className="chart">
      <figcaption>
        {title}{' '}
        <span className="muted">
          (max {format(top)} {unit})
        </span>
      </figcaption>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={title}
        preserveAspectRatio="none"
      >
        {series.map((s, i) => (
          <polyline
            key={s.label}
            className={`series-${i}`}
            fill="none"
            points={[...s.points]
              .sort(([a], [b]) => a - b)
              .map(([t, v]) => `${x(t).toFixed(1)},${y(v).toFixed(1)}`)
              .join(' ')}
          />
        ))}
      </svg>
      {series.length > 1 && (
        <p className="legend">
          {series.map((s, i) => (
            <span key={s.label} className={`series-${i}`}>
              ― {s.label}{' '}
            </span>
          ))}
        </p>
      )}
    </figure>
  );
}

function format(value: number): string {
  return value >= 100 ? value.toFixed(0) : value.toFixed(1);
}
