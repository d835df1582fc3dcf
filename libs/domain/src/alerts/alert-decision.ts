import type { AlertData, AlertTarget } from './alert-data';
import { alertStream, type AlertCommand, type OpenLevel } from './alert';

/**
 * What an evaluator wants done to alerts. It names existing alerts by id but leaves new ids and
 * timestamps to the caller, so evaluators stay pure and repeatable.
 */
export type AlertDecision =
  | { action: 'Open'; level: OpenLevel; target: AlertTarget; data: AlertData }
  | { action: 'ChangeLevel'; alertId: string; from: OpenLevel; to: OpenLevel; data: AlertData }
  | { action: 'Resolve'; alertId: string; data: AlertData };

/** The command a decision becomes, and the alert stream it goes to. */
export function toAlertCommand(
  decision: AlertDecision,
  ts: number,
  newId: () => string,
): { stream: string; command: AlertCommand } {
  switch (decision.action) {
    case 'Open': {
      const id = newId();
      const { level, target, data } = decision;
      return { stream: alertStream(id), command: { type: 'Open', id, level, target, data, ts } };
    }
    case 'ChangeLevel':
      return {
        stream: alertStream(decision.alertId),
        command: { type: 'ChangeLevel', level: decision.to, data: decision.data, ts },
      };
    case 'Resolve':
      return {
        stream: alertStream(decision.alertId),
        command: { type: 'Resolve', data: decision.data, ts },
      };
  }
}
