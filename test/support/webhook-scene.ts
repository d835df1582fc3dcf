import type { ApiClient } from './api';
import type { EmbeddedMonitor } from './embedded';
import { startReceiver } from './webhook-receiver';

/**
 * What the webhook specs do to an embedded Monitor (`monitor()`, started in their beforeAll):
 * receivers started (closed by `close`), Procedures created and their description changed (the
 * event subscribed to), and subscriptions with `secret` to those changes.
 */
export function webhookScene(monitor: () => EmbeddedMonitor, secret: string) {
  const closers: (() => Promise<void>)[] = [];
  const admin = () => monitor().admin;
  return {
    /** Closes `close` with the scene. */
    closeAfter: (close: () => Promise<void>) => void closers.push(close),
    receiver: async (answer?: Parameters<typeof startReceiver>[0]) => {
      const started = await startReceiver(answer);
      closers.push(started.close);
      return started;
    },
    procedure: async (name: string) =>
      (await admin().write<{ _id: { $oid: string } }>('CreateProcedure', { name, config: {} }))._id
        .$oid,
    touch: (id: string, description: string, client: ApiClient = admin()) =>
      client.write('UpdateDescription', { target: { type: 'Procedure', id }, description }),
    /** Subscribes to the description changes of the Procedures `resources` (all when none). */
    subscribe: <T = { id: string }>(
      name: string,
      url: string,
      resources: string[],
      client: ApiClient = admin(),
    ) =>
      client.write<T>('CreateEventSubscription', {
        name,
        url,
        secret,
        filter: { kinds: ['Procedure'], resources, types: ['ProcedureDescriptionUpdated'] },
      }),
    close: () => Promise.all(closers.map((close) => close())),
  };
}
