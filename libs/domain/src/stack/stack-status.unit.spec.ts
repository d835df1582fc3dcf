import {
  decideStackImageUpdates,
  decideStackStatus,
  evolveStackStatus,
  stackServices,
  stackState,
  type StackServiceStatus,
} from './stack-status';

const services = (...states: string[]): StackServiceStatus[] =>
  states.map((state, i) => ({ service: `s${i}`, state, image: 'app:1' }));

describe('stack state', () => {
  it.each([
    [[], 'down'],
    [['running', 'running'], 'running'],
    [['exited', 'exited'], 'stopped'],
    [['paused'], 'paused'],
    [['created', 'created'], 'created'],
    [['restarting'], 'restarting'],
    [['dead'], 'dead'],
    [['running', 'exited'], 'unhealthy'],
    [['running', 'unhealthy'], 'unhealthy'],
    [['unhealthy'], 'unhealthy'],
  ])('services %j make the stack %s', (states, expected) => {
    expect(stackState(services(...(states as string[])))).toBe(expected);
  });

  it('is unknown when the server is out of reach', () => {
    expect(stackState('unreachable')).toBe('unknown');
  });

  it('reads services from containers: health counts, ignored services do not', () => {
    const found = stackServices(
      [
        { service: 'web', state: 'running', health: 'unhealthy', image: 'web:1' },
        { service: 'init', state: 'exited', image: 'init:1' },
        { service: 'db', state: 'running', health: 'healthy' },
      ],
      ['init'],
    );
    expect(found).toEqual([
      { service: 'db', state: 'running', image: '' },
      { service: 'web', state: 'unhealthy', image: 'web:1' },
    ]);
    expect(stackState(found)).toBe('unhealthy');
  });
});

describe('stack status', () => {
  it('given nothing, when services are seen, then records them', () => {
    const observed = { state: 'running' as const, services: services('running'), at: 5 };
    expect(decideStackStatus(undefined, observed)).toEqual([
      { type: 'StackStateObserved', data: observed },
    ]);
  });

  it('given a recorded state, records a change of state or services and nothing else', () => {
    const first = decideStackStatus(undefined, {
      state: 'running',
      services: services('running'),
      at: 1,
    });
    const status = evolveStackStatus(undefined, first[0]);
    expect(
      decideStackStatus(status, { state: 'running', services: services('running'), at: 2 }),
    ).toEqual([]);
    const stopped = decideStackStatus(status, {
      state: 'stopped',
      services: services('exited'),
      at: 3,
    });
    expect(stopped).toHaveLength(1);
    expect(evolveStackStatus(status, stopped[0])).toMatchObject({ state: 'stopped', since: 3 });
    const newImage = decideStackStatus(status, {
      state: 'running',
      services: [{ service: 's0', state: 'running', image: 'app:2' }],
      at: 4,
    });
    expect(evolveStackStatus(status, newImage[0])).toMatchObject({ state: 'running', since: 1 });
  });

  it('records which services have a newer image when that set changes, and keeps it', () => {
    const status = evolveStackStatus(
      undefined,
      decideStackStatus(undefined, { state: 'running', services: services('running'), at: 1 })[0],
    );
    expect(decideStackImageUpdates(status, { services: [], at: 2 })).toEqual([]);
    expect(decideStackImageUpdates(undefined, { services: ['s0'], at: 2 })).toEqual([]);
    const [found] = decideStackImageUpdates(status, { services: ['web', 'db'], at: 2 });
    expect(found).toEqual({
      type: 'StackImageUpdatesObserved',
      data: { services: ['db', 'web'], at: 2 },
    });
    const flagged = evolveStackStatus(status, found);
    expect(decideStackImageUpdates(flagged, { services: ['web', 'db'], at: 3 })).toEqual([]);
    const later = evolveStackStatus(
      flagged,
      decideStackStatus(flagged, { state: 'stopped', services: services('exited'), at: 4 })[0],
    );
    expect(later).toMatchObject({ state: 'stopped', updates_available: ['db', 'web'] });
  });
});
