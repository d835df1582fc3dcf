import { useEffect, type ReactNode } from 'react';
import type { AlertDeliveryState } from '@monitor/contracts';
import { useRequest, type RequestState } from '../api/use-request';
import { ActionButton } from './confirm-button';
import { ErrorNote } from './error-note';
import { StateBadge } from './state-badge';
import { Time } from './time';

/** How often a ledger is read again: deliveries move without an Update to hear of. */
const REFRESH_MS = 3_000;

/** What every delivery ledger (an Alerter's, a webhook's) keeps of one delivery. */
export interface Delivery {
  id: string;
  state: AlertDeliveryState;
  reason?: string;
  attempts: number;
  last_error?: string;
  decided_ts: number;
  delivered_ts?: number;
}

/** Reads a delivery ledger once per change of `deps` and again every few seconds. */
export function usePolledDeliveries<D extends Delivery>(
  read: () => Promise<D[]>,
  deps: unknown[],
): RequestState<D[]> {
  const deliveries = useRequest(read, deps);
  const { reload } = deliveries;
  useEffect(() => {
    const timer = setInterval(reload, REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);
  return deliveries;
}

/** A column that differs between ledgers: its header and what a row shows in it. */
export interface DeliveryColumn<D> {
  header: string;
  cell(delivery: D): ReactNode;
}

/**
 * A delivery ledger, newest first: state, what was sent, to whom, tries, last error; those
 * given up can be put back in their queue when `retry` is given.
 */
export function DeliveriesTable<D extends Delivery>(props: {
  label: string;
  deliveries: RequestState<D[]>;
  /** Put the given-up deliveries back in the queue; absent when the caller may not. */
  retry?: () => Promise<unknown>;
  /** A failure beside the read, such as naming what the rows point at. */
  error?: unknown;
  empty: string;
  what: DeliveryColumn<D>;
  subject: DeliveryColumn<D>;
  triesHeader: string;
}) {
  const { data, reload } = props.deliveries;
  const { retry, what, subject } = props;
  const givenUp = data?.filter((d) => d.state === 'GivenUp').length ?? 0;
  return (
    <>
      <ErrorNote error={props.deliveries.error ?? props.error} />
      {retry && givenUp > 0 && (
        <ActionButton
          label={`Retry ${givenUp} given up`}
          action={async () => {
            await retry();
            reload();
          }}
        />
      )}
      {data?.length === 0 && <p className="muted">{props.empty}</p>}
      {!!data?.length && (
        <table aria-label={props.label}>
          <thead>
            <tr>
              <th>state</th>
              <th>{what.header}</th>
              <th>{subject.header}</th>
              <th>{props.triesHeader}</th>
              <th>last error</th>
              <th>time</th>
            </tr>
          </thead>
          <tbody>
            {data.map((d) => (
              <tr key={d.id} data-delivery={d.id} data-delivery-state={d.state}>
                <td>
                  <StateBadge state={d.state} />
                  {d.reason && <span className="muted"> {d.reason}</span>}
                </td>
                <td>{what.cell(d)}</td>
                <td>{subject.cell(d)}</td>
                <td>{d.attempts}</td>
                {/* A delivered one's status is no error. */}
                <td>{d.last_error}</td>
                <td>
                  <Time ms={d.delivered_ts ?? d.decided_ts} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
