import type { DomainEvent } from '@monitor/domain';

export interface Decider<State, Command, Event extends DomainEvent> {
  decide(state: State, command: Command): Event[];
  evolve(state: State, event: Event | DomainEvent): State;
  initialState(): State;
}

/** given(events).when(command).then(events) | .thenFails(code, message?): domain specs. */
export function deciderSpec<State, Command, Event extends DomainEvent>(
  decider: Decider<State, Command, Event>,
) {
  return {
    given(events: DomainEvent[]) {
      const state = events.reduce(decider.evolve, decider.initialState());
      return {
        when(command: Command) {
          const run = () => decider.decide(state, command);
          return {
            then(expected: DomainEvent[]) {
              expect(run()).toEqual(expected);
            },
            thenFails(code: string, message?: string | RegExp) {
              let error: unknown;
              try {
                run();
              } catch (e) {
                error = e;
              }
              expect(error).toMatchObject({ code });
              if (message) expect((error as Error).message).toMatch(message);
            },
          };
        },
      };
    },
  };
}
