import { matchesFilter, parseFeedFilter, type TagLookup } from './feed-filter';

const tags: TagLookup = {
  tagId: (idOrName) => ({ prod: 't1', t1: 't1', dev: 't2', t2: 't2' })[idOrName],
  tagsOf: (subject) => ({ d1: ['t1'], d2: [] as string[] })[subject.id],
};
const d1 = { kind: 'Deployment' as const, id: 'd1' };
const d2 = { kind: 'Deployment' as const, id: 'd2' };
const created = { stream: 'deployment-d1', type: 'DeploymentCreated' };
const observed = { stream: 'deploymentstatus-d1', type: 'DeploymentStateObserved' };

describe('a feed filter', () => {
  it('passes everything when empty', () => {
    expect(matchesFilter(parseFeedFilter({}), created, undefined, tags)).toBe(true);
  });

  it('selects by kind and resource of what the event is about, its status included', () => {
    const filter = parseFeedFilter({ kinds: ['Deployment'], resources: ['d1'] });
    expect(matchesFilter(filter, created, d1, tags)).toBe(true);
    expect(matchesFilter(filter, observed, d1, tags)).toBe(true);
    expect(matchesFilter(filter, created, d2, tags)).toBe(false);
    expect(matchesFilter(parseFeedFilter({ kinds: ['Server'] }), created, d1, tags)).toBe(false);
    expect(matchesFilter(filter, { stream: 'tag-x', type: 'TagCreated' }, undefined, tags)).toBe(
      false,
    );
  });

  it('selects by event type and observed stream', () => {
    expect(
      matchesFilter(parseFeedFilter({ types: ['DeploymentCreated'] }), created, d1, tags),
    ).toBe(true);
    expect(matchesFilter(parseFeedFilter({ types: ['Other'] }), created, d1, tags)).toBe(false);
    const status = parseFeedFilter({ streams: ['deploymentstatus'] });
    expect(matchesFilter(status, observed, d1, tags)).toBe(true);
    expect(matchesFilter(status, created, d1, tags)).toBe(false);
  });

  it('selects by tag, by name or id, of the resource carrying it', () => {
    expect(matchesFilter(parseFeedFilter({ tags: ['prod'] }), created, d1, tags)).toBe(true);
    expect(matchesFilter(parseFeedFilter({ tags: ['t1'] }), created, d1, tags)).toBe(true);
    expect(matchesFilter(parseFeedFilter({ tags: ['dev'] }), created, d1, tags)).toBe(false);
    expect(matchesFilter(parseFeedFilter({ tags: ['prod'] }), created, d2, tags)).toBe(false);
    expect(matchesFilter(parseFeedFilter({ tags: ['nope'] }), created, d1, tags)).toBe(false);
  });

  it('refuses an unknown kind or stream, naming the field', () => {
    expect(() => parseFeedFilter({ kinds: ['Widget'] })).toThrow(/^kinds: 'Widget'/);
    expect(() => parseFeedFilter({ streams: ['widget'] })).toThrow(/^streams: 'widget'/);
  });

  it('ignores blank values of comma-separated lists', () => {
    expect(parseFeedFilter({ kinds: [''], tags: [' '] })).toEqual({
      kinds: undefined,
      resources: undefined,
      types: undefined,
      tags: undefined,
      streams: undefined,
    });
  });
});
