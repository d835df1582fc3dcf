import {
  createParams,
  describeFilter,
  emptyEventSubscriptionForm,
  listOf,
} from './event-subscription-form';

describe('event subscription form', () => {
  it('reads comma lists, dropping blanks', () => {
    expect(listOf(' a, b,,c ')).toEqual(['a', 'b', 'c']);
    expect(listOf('')).toEqual([]);
  });

  it('sends the filter typed, empty lists left out', () => {
    const form = {
      ...emptyEventSubscriptionForm(),
      name: ' ci ',
      url: ' https://hooks.example.com/x ',
      secret: 's',
      kinds: 'Deployment, Stack',
      tags: 'prod',
    };
    expect(createParams(form)).toEqual({
      name: 'ci',
      url: 'https://hooks.example.com/x',
      secret: 's',
      filter: { kinds: ['Deployment', 'Stack'], tags: ['prod'] },
      enabled: true,
    });
  });

  it('describes a filter in one line', () => {
    expect(describeFilter({})).toBe('every event');
    expect(describeFilter({ kinds: ['Deployment'], tags: ['prod', 'eu'] })).toBe(
      'kinds: Deployment; tags: prod, eu',
    );
  });
});
