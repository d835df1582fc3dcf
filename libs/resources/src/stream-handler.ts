import { conflict, type DomainEvent } from '@monitor/domain';
import { WrongExpectedRevisionError, type EventStore, type StoredEvent } from '@monitor/eventstore';
import type { CommandMeta } from './command-meta';
import { toNewEvents } from './new-events';

export interface StreamDecider<State, Command> {
  initialState(): State;
  evolve(state: State, event: StoredEvent): State;
  decide(state: State, command: Command): DomainEvent[];
}

export interface HandledCommand<State> {
  state: State;
  events: StoredEvent[];
  /** Position of the last appended event; the current head when nothing changed. */
  position: number;
}

const MAX_ATTEMPTS = 5;

/**
 * Load, decide, append with the expected revision. A concurrent writer makes the append fail;
 * the command is then decided again on the fresh state, and after a few tries answered 409.
 */
export async function handleCommand<State, Command>(
  store: EventStore,
  stream: string,
  decider: StreamDecider<State, Command>,
  command: Command,
  meta: CommandMeta,
): Promise<HandledCommand<State>> {
  for (let attempt = 1; ; attempt++) {
    const history = await store.readStream(stream);
    let state = history.reduce(decider.evolve, decider.initialState());
    const decided = decider.decide(state, command);
    if (!decided.length) return { state, events: [], position: history.at(-1)?.position ?? 0 };
    const expected = history.length ? history.length - 1 : 'no_stream';
    try {
      const newEvents = toNewEvents(decided, meta);
      const result = await store.append(stream, newEvents, expected);
      const stored = newEvents.map((e, i) => ({
        ...e,
        stream,
        revision: result.revision - newEvents.length + 1 + i,
        position: result.position,
      }));
      state = stored.reduce(decider.evolve, state);
      return { state, events: stored, position: result.position };
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
      if (attempt >= MAX_ATTEMPTS) {
        throw conflict(`${stream} was changed by another writer at the same time; try again`, {
          stream,
        });
      }
    }
  }
}
