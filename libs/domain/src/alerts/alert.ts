import { isResourceKind } from '../kinds';
import { conflict, invalid, notFound } from '../shared/domain-error';
import type { DomainEvent } from '../shared/domain-event';
import {
  alertKey,
  isSeverityLevel,
  type AlertData,
  type AlertTarget,
  type AlertType,
  type SeverityLevel,
} from './alert-data';

export const alertStream = (id: string) => `alert-${id}`;

/** Komodo's Alert, with the id as a plain string (the gateway writes Komodo's `_id`). */
export interface Alert {
  id: string;
  /** Milliseconds since the epoch the alert was opened. */
  ts: number;
  resolved: boolean;
  /** The last level it had while open; kept once resolved, as Komodo's database does. */
  level: SeverityLevel;
  target: AlertTarget;
  data: AlertData;
  resolved_ts?: number;
}

export type AlertState = { status: 'Empty' } | { status: 'Open' | 'Resolved'; alert: Alert };

/** An open alert is never OK: a problem that went away is resolved. */
export type OpenLevel = Exclude<SeverityLevel, 'OK'>;

/** Only these alerters (ids) hear of the alert; absent: every alerter whose rules take it. */
type Addressed = { alerters?: string[] };

export type AlertEvent =
  | DomainEvent<
      'AlertOpened',
      {
        id: string;
        type: AlertType;
        level: OpenLevel;
        target: AlertTarget;
        data: AlertData;
        ts: number;
      } & Addressed
    >
  /**
   * A one-off alert, stored resolved at once at any level: something that happened (a deploy's
   * or build's outcome, a message sent by hand) rather than a problem that lasts.
   */
  | DomainEvent<
      'AlertRaised',
      {
        id: string;
        type: AlertType;
        level: SeverityLevel;
        target: AlertTarget;
        data: AlertData;
        ts: number;
      } & Addressed
    >
  | DomainEvent<
      'AlertLevelChanged',
      { from: OpenLevel; to: OpenLevel; data: AlertData; ts: number }
    >
  | DomainEvent<'AlertResolved', { data: AlertData; ts: number }>;

export type AlertCommand =
  | ({
      type: 'Open' | 'Raise';
      id: string;
      level: string;
      target: AlertTarget;
      data: AlertData;
      ts: number;
    } & Addressed)
  | { type: 'ChangeLevel'; level: string; data: AlertData; ts: number }
  /** `data` is what the alert looked like when it went away; default the data it has. */
  | { type: 'Resolve'; data?: AlertData; ts: number };

export function evolveAlert(state: AlertState, event: AlertEvent | DomainEvent): AlertState {
  const e = event as AlertEvent;
  if (e.type === 'AlertOpened') {
    const { id, level, target, data, ts } = e.data;
    return { status: 'Open', alert: { id, ts, resolved: false, level, target, data } };
  }
  if (e.type === 'AlertRaised') {
    const { id, level, target, data, ts } = e.data;
    return {
      status: 'Resolved',
      alert: { id, ts, resolved: true, resolved_ts: ts, level, target, data },
    };
  }
  if (state.status !== 'Open') return state;
  switch (e.type) {
    case 'AlertLevelChanged':
      return { status: 'Open', alert: { ...state.alert, level: e.data.to, data: e.data.data } };
    case 'AlertResolved':
      return {
        status: 'Resolved',
        alert: { ...state.alert, resolved: true, resolved_ts: e.data.ts, data: e.data.data },
      };
    default:
      return state;
  }
}

export function decideAlert(state: AlertState, command: AlertCommand): AlertEvent[] {
  if (command.type === 'Open' || command.type === 'Raise') {
    if (state.status !== 'Empty') throw conflict(`alert ${command.id} already exists`);
    const { id, target, data } = command;
    if (typeof id !== 'string' || id.length === 0) throw invalid('id: must not be empty');
    checkTarget(target);
    const ts = checkTs(command.ts);
    const addressed = checkAlerters(command.alerters);
    if (command.type === 'Raise') {
      const level = checkLevel(command.level);
      return [
        {
          type: 'AlertRaised',
          data: { id, type: data.type, level, target, data, ts, ...addressed },
        },
      ];
    }
    const level = checkOpenLevel(command.level);
    return [
      { type: 'AlertOpened', data: { id, type: data.type, level, target, data, ts, ...addressed } },
    ];
  }
  if (state.status === 'Empty') throw notFound('alert not found');
  // A resolved alert is history: a problem that comes back opens a new alert.
  if (state.status === 'Resolved') throw conflict(`alert ${state.alert.id} is resolved`);
  const { alert } = state;
  switch (command.type) {
    case 'ChangeLevel': {
      const to = checkOpenLevel(command.level);
      const data = checkSameSubject(alert.data, command.data);
      const ts = checkTs(command.ts);
      // Fresh data alone is no event: stats change every poll and would flood the stream.
      if (to === alert.level) return [];
      return [
        { type: 'AlertLevelChanged', data: { from: alert.level as OpenLevel, to, data, ts } },
      ];
    }
    case 'Resolve': {
      const data = checkSameSubject(alert.data, command.data ?? alert.data);
      return [{ type: 'AlertResolved', data: { data, ts: checkTs(command.ts) } }];
    }
  }
}

function checkLevel(level: unknown): SeverityLevel {
  if (!isSeverityLevel(level)) {
    throw invalid(`level: '${String(level)}' is not one of OK, WARNING, CRITICAL`, {
      field: 'level',
    });
  }
  return level;
}

function checkOpenLevel(value: unknown): OpenLevel {
  const level = checkLevel(value);
  if (level === 'OK') throw invalid('level: an open alert is WARNING or CRITICAL; resolve it');
  return level;
}

function checkTarget(target: AlertTarget): void {
  if (!target || (target.type !== 'System' && !isResourceKind(target.type))) {
    throw invalid(`target.type: '${String(target?.type)}' is not a resource kind`, {
      field: 'target',
    });
  }
  if (typeof target.id !== 'string' || target.id.length === 0) {
    throw invalid('target.id: must not be empty', { field: 'target' });
  }
}

function checkAlerters(alerters: unknown): Addressed {
  if (alerters === undefined) return {};
  if (
    !Array.isArray(alerters) ||
    alerters.length === 0 ||
    !alerters.every((a) => typeof a === 'string' && a.length > 0)
  ) {
    throw invalid('alerters: a non-empty list of alerter ids', { field: 'alerters' });
  }
  return { alerters: [...new Set(alerters as string[])] };
}

function checkTs(ts: unknown): number {
  if (typeof ts !== 'number' || !Number.isFinite(ts) || ts < 0) {
    throw invalid('ts: must be milliseconds since the epoch', { field: 'ts' });
  }
  return ts;
}

/** Later data must describe the same problem: a CPU alert never turns into a disk alert. */
function checkSameSubject(current: AlertData, next: AlertData): AlertData {
  if (next.type !== current.type || alertKey(next) !== alertKey(current)) {
    throw invalid(
      `data: a ${current.type} alert cannot take ${next.type} data of another subject`,
      {
        field: 'data',
      },
    );
  }
  return next;
}

export const alertDecider = {
  initialState: (): AlertState => ({ status: 'Empty' }),
  evolve: evolveAlert,
  decide: decideAlert,
};

/** Closing by hand: an alert already closed stays as it is and succeeds, as in Komodo. */
export const closeAlertDecider = {
  ...alertDecider,
  decide: (state: AlertState, command: AlertCommand) =>
    state.status === 'Resolved' ? [] : decideAlert(state, command),
};
