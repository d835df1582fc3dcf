import type { ComposeService, ContainerAnswer, StackServiceAnswer } from '@monitor/contracts';

type ContainerState = Exclude<ContainerAnswer['state'], ''>;

/** Komodo's StackServiceState of a container's state (its `From<ContainerStateStatusEnum>`). */
const SERVICE_STATES = {
  running: 'Running',
  created: 'Created',
  paused: 'Paused',
  restarting: 'Restarting',
  exited: 'Exited',
  stopping: 'Stopping',
  removing: 'Removing',
  dead: 'Dead',
} as const satisfies Record<ContainerState, StackServiceAnswer['state']>;

const isContainerState = (state: string): state is ContainerState =>
  Object.hasOwn(SERVICE_STATES, state);

/**
 * `ListStackServices` as Komodo answers it: per service its stack, image and state, the
 * container nested, by service name. Built from what `compose ps` found (services without a
 * container are not listed).
 */
export function toStackServices(
  stack: { id: string; name: string },
  services: readonly ComposeService[],
): StackServiceAnswer[] {
  return services
    .map((s): StackServiceAnswer => {
      const state = isContainerState(s.state) ? s.state : '';
      return {
        stack_id: stack.id,
        stack_name: stack.name,
        service: s.service,
        image: s.image,
        state: state ? SERVICE_STATES[state] : 'Unknown',
        container: {
          name: s.container_name,
          id: s.container_id,
          image: s.image,
          state,
          status: s.status,
          ...(s.health ? { health: s.health } : {}),
        },
      };
    })
    .sort((a, b) => a.service.localeCompare(b.service));
}
