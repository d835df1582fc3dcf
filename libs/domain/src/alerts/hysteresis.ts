import { severityRank, type SeverityLevel } from './alert-data';

/**
 * Hysteresis for one watched value: a level changes only when several consecutive polls agree,
 * and a value must drop clearly (by a margin) below a threshold before the level drops. This
 * keeps a value hovering at a threshold from opening and resolving alerts poll after poll.
 */

/** What one poll says about the value. */
export interface LevelReading {
  /** The level the value reaches with the thresholds as configured (value >= threshold). */
  raised: SeverityLevel;
  /** The level the value still holds with every threshold lowered by the margin. */
  held: SeverityLevel;
}

export interface WindowRules {
  /** Polls in a row above the current level before the level goes up. */
  raiseAfter: number;
  /** Polls in a row clearly below the current level before the level goes down. */
  lowerAfter: number;
}

export interface StepResult {
  /** The level after this poll: the current one unless the recent polls all agree otherwise. */
  level: SeverityLevel;
  /** The readings to remember for the next poll, oldest first; empty when nothing is pending. */
  recent: LevelReading[];
}

export function readLevel(
  value: number,
  warning: number,
  critical: number,
  margin: number,
): LevelReading {
  // A critical threshold under the warning one would make WARNING unreachable: take the higher.
  const high = Math.max(warning, critical);
  const at = (w: number, c: number): SeverityLevel =>
    value >= c ? 'CRITICAL' : value >= w ? 'WARNING' : 'OK';
  return { raised: at(warning, high), held: at(warning - margin, high - margin) };
}

/** A condition that holds or not, such as "unreachable": no dead band. */
export function readFlag(failing: boolean, level: SeverityLevel): LevelReading {
  return failing ? { raised: level, held: level } : { raised: 'OK', held: 'OK' };
}

/**
 * One poll. The level goes up to the lowest level `raised` over the last `raiseAfter` polls, if
 * that is above the current level; else down to the highest level `held` over the last
 * `lowerAfter` polls, if that is below it. A window rather than a counter: after WARNING is
 * reached on the way down from CRITICAL, polls already clear count towards resolving.
 */
export function stepLevel(
  current: SeverityLevel,
  reading: LevelReading,
  recent: LevelReading[] | undefined,
  rules: WindowRules,
): StepResult {
  const raiseAfter = Math.max(1, rules.raiseAfter);
  const lowerAfter = Math.max(1, rules.lowerAfter);
  const window = [...(recent ?? []), reading].slice(-Math.max(raiseAfter, lowerAfter));
  // All OK with no alert: nothing can come of them, so the caller need not keep them.
  const quiet = current === 'OK' && window.every((r) => r.raised === 'OK' && r.held === 'OK');
  const kept = quiet ? [] : window;
  const up = lowest(window.slice(-raiseAfter), raiseAfter, (r) => r.raised);
  if (up !== undefined && severityRank(up) > severityRank(current)) {
    return { level: up, recent: kept };
  }
  const down = highest(window.slice(-lowerAfter), lowerAfter, (r) => r.held);
  if (down !== undefined && severityRank(down) < severityRank(current)) {
    return { level: down, recent: kept };
  }
  return { level: current, recent: kept };
}

type Choose = (reading: LevelReading) => SeverityLevel;

function lowest(readings: LevelReading[], needed: number, pick: Choose): SeverityLevel | undefined {
  if (readings.length < needed) return undefined;
  return readings.map(pick).reduce((a, b) => (severityRank(b) < severityRank(a) ? b : a));
}

function highest(
  readings: LevelReading[],
  needed: number,
  pick: Choose,
): SeverityLevel | undefined {
  if (readings.length < needed) return undefined;
  return readings.map(pick).reduce((a, b) => (severityRank(b) > severityRank(a) ? b : a));
}
