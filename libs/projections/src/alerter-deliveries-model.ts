import {
  alerterHealthStream,
  evolveDelivery,
  parseDeliveryStream,
  streamCategory,
  type AlerterHealth,
  type DeliveryState,
  type DeliveryStatus,
} from '@monitor/domain';
import type { StoredEvent } from '@monitor/eventstore';

const HEALTH_PREFIX = alerterHealthStream('');

/** An alerter's newest delivery: where it stands and when it last moved. */
export interface LastDelivery {
  state: Exclude<DeliveryStatus, 'Empty'>;
  /** Milliseconds since the epoch of its newest event. */
  ts: number;
}

interface Newest {
  stream: string;
  state: DeliveryState;
  ts: number;
}

/**
 * Per Alerter, what its list info shows of its deliveries: the newest delivery that was not
 * skipped (an alert its rules do not take is no delivery of it), and its health as the delivery
 * engine records it (`AlerterHealthChanged`). Only the newest delivery's state is kept per
 * alerter: every other delivery is the delivery engine's to list.
 */
export class AlerterDeliveriesModel {
  private readonly newest = new Map<string, Newest>();
  private readonly healths = new Map<string, AlerterHealth>();

  readonly categories = ['delivery', streamCategory(alerterHealthStream('x'))];

  apply(event: StoredEvent): void {
    if (event.stream.startsWith(HEALTH_PREFIX)) return this.applyHealth(event);
    const parsed = parseDeliveryStream(event.stream);
    if (!parsed) return;
    const at = (event.data as { at?: number }).at ?? event.metadata.at;
    const current = this.newest.get(parsed.alerterId);
    if (current?.stream === event.stream) {
      this.newest.set(parsed.alerterId, {
        stream: event.stream,
        state: evolveDelivery(current.state, event),
        ts: at,
      });
      return;
    }
    // A delivery decided again after a hold is no newer than the one already shown.
    if (event.type !== 'DeliveryDecided' || event.revision !== 0) return;
    const state = evolveDelivery({ status: 'Empty' }, event);
    if (state.status === 'Skipped') return;
    this.newest.set(parsed.alerterId, { stream: event.stream, state, ts: at });
  }

  /** `AlerterHealthChanged`, from the alerter's health stream. */
  private applyHealth(event: StoredEvent): void {
    if (event.type !== 'AlerterHealthChanged') return;
    const alerterId = event.stream.slice(HEALTH_PREFIX.length);
    this.healths.set(alerterId, (event.data as { to: AlerterHealth }).to);
  }

  lastDelivery(alerterId: string): LastDelivery | undefined {
    const newest = this.newest.get(alerterId);
    if (!newest || newest.state.status === 'Empty') return undefined;
    return { state: newest.state.status, ts: newest.ts };
  }

  /** `Ok` until the delivery engine records otherwise. */
  health(alerterId: string): AlerterHealth {
    return this.healths.get(alerterId) ?? 'Ok';
  }
}
