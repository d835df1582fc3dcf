import { useState } from 'react';
import type { GetHistoricalServerStatsDto } from '@monitor/contracts';
import { useSession } from '../api/session';
import { useRequest } from '../api/use-request';
import { useVisibleTick } from '../api/use-visible-tick';
import { ErrorNote } from '../components/error-note';
import { LineChart } from '../components/line-chart';
import { Time } from '../components/time';

/** Komodo's stats granularities, as its server page offers them, with what they read as. */
const GRANULARITIES = {
  '15-sec': '15 seconds',
  '30-sec': '30 seconds',
  '1-min': 'minute',
  '5-min': 'five minutes',
  '15-min': '15 minutes',
  '1-hr': 'hour',
  '6-hr': 'six hours',
  '1-day': 'day',
} as const satisfies Partial<Record<GetHistoricalServerStatsDto['granularity'], string>>;
type Granularity = keyof typeof GRANULARITIES;

/** The gateway keeps the last poll; read it about as often as servers are polled. */
const STATS_REFRESH_MS = 5000;

/** The server's last polled stats and their history, read again while the tab is visible. */
export function ServerStatsTab({ id, version }: { id: string; version: number }) {
  const { api } = useSession();
  const tick = useVisibleTick(STATS_REFRESH_MS);
  const [granularity, setGranularity] = useState<Granularity>('1-min');
  const stats = useRequest(
    () => api.read('GetSystemStats', { server: id }),
    [api, id, version, tick],
  );
  const history = useRequest(
    () =>
      api.read('GetHistoricalServerStats', {
        server: id,
        granularity,
      }),
    [api, id, version, tick, granularity],
  );
  const s = stats.data;
  const records = history.data?.stats ?? [];
  const percent = (used: number, total: number) => (total ? (used / total) * 100 : 0);
  return (
    <div className="server-stats">
      <ErrorNote error={stats.error ?? history.error} />
      {s && (
        <dl className="facts">
          <dt>CPU</dt>
          <dd data-stat="cpu">{s.cpu_perc.toFixed(1)} %</dd>
          <dt>memory</dt>
          <dd>
            {s.mem_used_gb.toFixed(2)} of {s.mem_total_gb.toFixed(2)} GB (
            {percent(s.mem_used_gb, s.mem_total_gb).toFixed(0)} %)
          </dd>
          {s.disks.map((d) => (
            <Disk key={d.mount} {...d} />
          ))}
          <dt>network</dt>
          <dd>
            in {rate(s.network_ingress_bytes ?? 0)}, out {rate(s.network_egress_bytes ?? 0)}
          </dd>
          <dt>polled</dt>
          <dd>
            <Time ms={s.refresh_ts} />
          </dd>
        </dl>
      )}
      <h2>History</h2>
      <label className="inline muted">
        Averages per
        <select
          aria-label="Granularity"
          value={granularity}
          onChange={(e) => setGranularity(e.target.value as Granularity)}
        >
          {Object.entries(GRANULARITIES).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
        , newest on the right.
      </label>
      {records.length < 2 ? (
        <p className="muted">Not enough history yet.</p>
      ) : (
        <div className="charts">
          <LineChart
            title="CPU"
            unit="%"
            max={100}
            series={[{ label: 'CPU', points: records.map((r) => [r.ts, r.cpu_perc]) }]}
          />
          <LineChart
            title="Memory"
            unit="%"
            max={100}
            series={[
              {
                label: 'memory',
                points: records.map((r) => [r.ts, percent(r.mem_used_gb, r.mem_total_gb)]),
              },
            ]}
          />
          <LineChart
            title="Disk"
            unit="%"
            max={100}
            series={[
              {
                label: 'disk',
                points: records.map((r) => [r.ts, percent(r.disk_used_gb, r.disk_total_gb)]),
              },
            ]}
          />
          <LineChart
            title="Network"
            unit="KiB/s"
            series={[
              {
                label: 'in',
                points: records.map((r) => [r.ts, (r.network_ingress_bytes ?? 0) / 1024]),
              },
              {
                label: 'out',
                points: records.map((r) => [r.ts, (r.network_egress_bytes ?? 0) / 1024]),
              },
            ]}
          />
        </div>
      )}
    </div>
  );
}

function Disk({ mount, used_gb, total_gb }: { mount: string; used_gb: number; total_gb: number }) {
  return (
    <>
      <dt>disk {mount}</dt>
      <dd>
        {used_gb.toFixed(1)} of {total_gb.toFixed(1)} GB
      </dd>
    </>
  );
}

function rate(bytesPerSecond: number): string {
  if (bytesPerSecond < 1024) return `${bytesPerSecond.toFixed(0)} B/s`;
  if (bytesPerSecond < 1024 * 1024) return `${(bytesPerSecond / 1024).toFixed(1)} KiB/s`;
  return `${(bytesPerSecond / 1024 / 1024).toFixed(1)} MiB/s`;
}
