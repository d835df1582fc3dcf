import { configChanges, patchOf, showValue } from './diff';

describe('config diff of the web UI', () => {
  const current = {
    image: { type: 'Image', params: { image: 'app:1' } },
    ports: '8080:80',
    replicas: 1,
    links: ['a'],
  };

  it('lists only the fields whose value changed, nested objects compared by value', () => {
    const edited = {
      image: { type: 'Image', params: { image: 'app:1' } },
      ports: '8080:80\n9090:90',
      replicas: 1,
      links: ['a', 'b'],
    };
    expect(configChanges(current, edited)).toEqual([
      { field: 'ports', from: '8080:80', to: '8080:80\n9090:90' },
      { field: 'links', from: ['a'], to: ['a', 'b'] },
    ]);
  });

  it('sends the changed fields only', () => {
    const changes = configChanges(current, { ...current, replicas: 2 });
    expect(patchOf(changes)).toEqual({ replicas: 2 });
  });

  it('has nothing to save when nothing changed', () => {
    expect(configChanges(current, structuredClone(current))).toEqual([]);
  });

  it('shows strings as they are and other values as JSON', () => {
    expect(showValue('a\nb')).toBe('a\nb');
    expect(showValue(['x'])).toBe('[\n  "x"\n]');
    expect(showValue(undefined)).toBe('');
  });
});
