import type { ComposeService } from '@monitor/contracts';
import { toStackServices } from './stack-services';

const container = (service: string, state: string, health?: ComposeService['health']) => ({
  service,
  container_name: `shop-${service}-1`,
  container_id: `id-${service}`,
  image: `${service}:1`,
  state,
  status: state === 'running' ? 'Up 2 minutes' : 'Exited (0)',
  ...(health ? { health } : {}),
});

describe("ListStackServices in Komodo's shape", () => {
  const stack = { id: 's1', name: 'shop' };

  it('nests each container under its service, the state as Komodo spells it, by service name', () => {
    const answer = toStackServices(stack, [
      container('web', 'running', 'unhealthy'),
      container('db', 'exited'),
    ]);
    expect(answer).toEqual([
      {
        stack_id: 's1',
        stack_name: 'shop',
        service: 'db',
        image: 'db:1',
        state: 'Exited',
        container: {
          name: 'shop-db-1',
          id: 'id-db',
          image: 'db:1',
          state: 'exited',
          status: 'Exited (0)',
        },
      },
      {
        stack_id: 's1',
        stack_name: 'shop',
        service: 'web',
        image: 'web:1',
        state: 'Running',
        container: {
          name: 'shop-web-1',
          id: 'id-web',
          image: 'web:1',
          state: 'running',
          status: 'Up 2 minutes',
          health: 'unhealthy',
        },
      },
    ]);
  });

  it('answers Unknown for a state Docker has no name for', () => {
    const [service] = toStackServices(stack, [container('web', '')]);
    expect([service.state, service.container?.state]).toEqual(['Unknown', '']);
  });
});
