import type { StoredEvent } from '@monitor/eventstore';
import { ProjectionFamilies } from './projection-families';

const event = (stream: string) => ({ stream }) as StoredEvent;

describe('projections by stream family', () => {
  it('gives each event to the projection of its family, and skips families nobody registered', () => {
    const families = new ProjectionFamilies();
    const seen: string[] = [];
    families.register(['user', 'usergroup'], (e) => seen.push(`identity ${e.stream}`));
    families.register(['deployment'], (e) => seen.push(`resources ${e.stream}`));
    for (const stream of [
      'user-1',
      'usergroup-2',
      'deployment-3',
      'deploymentstatus-3',
      'name-x-y',
    ])
      families.apply(event(stream));
    expect(seen).toEqual(['identity user-1', 'identity usergroup-2', 'resources deployment-3']);
  });

  it('refuses a family with two projections', () => {
    const families = new ProjectionFamilies();
    families.register(['alert'], () => undefined);
    expect(() => families.register(['alert'], () => undefined)).toThrow(
      "stream family 'alert' has two projections",
    );
  });
});
