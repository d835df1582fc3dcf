import { conflict } from '../shared/domain-error';
import type { DomainEvent } from '../shared/domain-event';

/**
 * A name reservation stream, `name-<category>-<name>`, makes names unique per kind: the first
 * append wins (optimistic concurrency on this one stream), renames and deletes release it.
 */
export function nameStream(category: string, name: string): string {
  return `name-${category}-${name}`;
}

export type NameEvent =
  | DomainEvent<'NameReserved', { category: string; name: string; holder: string }>
  | DomainEvent<'NameReleased', { category: string; name: string; holder: string }>;

export interface NameState {
  holder?: string;
}

export type NameCommand =
  | { type: 'Reserve'; category: string; name: string; holder: string }
  | { type: 'Release'; category: string; name: string; holder: string };

export function evolveName(state: NameState, event: NameEvent | DomainEvent): NameState {
  if (event.type === 'NameReserved') return { holder: (event as NameEvent).data.holder };
  if (event.type === 'NameReleased') return {};
  return state;
}

export function decideName(state: NameState, command: NameCommand): NameEvent[] {
  const { category, name, holder } = command;
  if (command.type === 'Reserve') {
    if (state.holder === holder) return [];
    if (state.holder)
      throw conflict(`name '${name}' is already taken`, { field: 'name', holder: state.holder });
    return [{ type: 'NameReserved', data: { category, name, holder } }];
  }
  return state.holder === holder
    ? [{ type: 'NameReleased', data: { category, name, holder } }]
    : [];
}

export const nameDecider = {
  initialState: (): NameState => ({}),
  evolve: evolveName,
  decide: decideName,
};
