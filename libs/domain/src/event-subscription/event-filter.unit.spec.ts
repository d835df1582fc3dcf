import { checkEventFilter, matchesEventFilter, type FilteredEvent } from './event-filter';

const event = (over: Partial<FilteredEvent['resource']> = {}, type = 'DeploymentUpdated') => ({
  type,
  resource: { kind: 'Deployment' as const, id: 'd1', name: 'web', tags: ['t1', 'prod'], ...over },
});

describe('event filter', () => {
  it('matches everything when empty', () => {
    expect(matchesEventFilter({}, event())).toBe(true);
    expect(matchesEventFilter(checkEventFilter(undefined), event())).toBe(true);
  });

  it('needs every dimension given to match, any value of each', () => {
    expect(matchesEventFilter({ kinds: ['Server', 'Deployment'] }, event())).toBe(true);
    expect(matchesEventFilter({ kinds: ['Server'] }, event())).toBe(false);
    expect(matchesEventFilter({ resources: ['web'] }, event())).toBe(true);
    expect(matchesEventFilter({ resources: ['d1'] }, event())).toBe(true);
    expect(matchesEventFilter({ resources: ['d2'] }, event())).toBe(false);
    expect(matchesEventFilter({ types: ['AlertOpened'] }, event())).toBe(false);
    expect(matchesEventFilter({ tags: ['prod'] }, event())).toBe(true);
    expect(matchesEventFilter({ tags: ['staging'] }, event())).toBe(false);
    expect(matchesEventFilter({ kinds: ['Deployment'], tags: ['staging'] }, event())).toBe(false);
  });

  it('drops empty lists and repeats', () => {
    expect(checkEventFilter({ kinds: [], tags: ['a', 'a'] })).toEqual({ tags: ['a'] });
  });

  it('refuses what is no filter, naming the field', () => {
    expect(() => checkEventFilter([])).toThrow(/^filter: must be an object/);
    expect(() => checkEventFilter({ kinds: ['Nope'] })).toThrow(/^filter\.kinds:/);
    expect(() => checkEventFilter({ resources: [''] })).toThrow(/^filter\.resources:/);
    expect(() => checkEventFilter({ tags: Array(101).fill('x') })).toThrow(/at most 100/);
  });
});
