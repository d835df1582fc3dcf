import type { DomainEvent } from './domain-event';

/**
 * Several commands decided in turn, each on the state the one before leaves: their events are
 * one append, and all or none of them are decided (the first refusal throws).
 */
export function decideInTurn<State, Command, Event extends DomainEvent>(
  decide: (state: State, command: Command) => Event[],
  evolve: (state: State, event: Event) => State,
  state: State,
  commands: readonly Command[],
): Event[] {
  const events: Event[] = [];
  let current = state;
  for (const command of commands) {
    const decided = decide(current, command);
    current = decided.reduce(evolve, current);
    events.push(...decided);
  }
  return events;
}
