import type { DomainEvent } from '@monitor/domain';
import type { EventStore } from '@monitor/eventstore';
import { alerterMeta, appendAt } from './delivery-append';
import type { DeliveryLedger, DeliveryRead } from './delivery-ledger';
import type { DeliveryDecider } from './delivery-runner';

/**
 * Puts each given-up delivery of one receiver (an alerter, a subscription) back in its queue,
 * oldest first, so each group's order holds again: read back from the store (a finished
 * delivery is no longer in the ledger), decided `Retry` by `by`, folded into the ledger.
 * One that another process moved meanwhile is left to it. Answers how many went back.
 */
export async function retryGivenUp<R, S>(
  store: EventStore,
  ledger: DeliveryLedger<R, S>,
  decider: DeliveryDecider<S>,
  receiver: string,
  by: string,
): Promise<number> {
  await ledger.ready();
  let retried = 0;
  for (const stream of ledger.history.givenUpOf(receiver)) {
    const events = await store.readStream(stream);
    const read: DeliveryRead<S> = {
      state: events.reduce((state, event) => decider.evolve(state, event), {
        status: 'Empty',
      } as DeliveryRead<S>['state']),
      revision: events.length - 1,
    };
    if (read.state.status !== 'GivenUp') continue;
    const decided: DomainEvent[] = decider.decide(read.state, {
      type: 'Retry',
      at: Date.now(),
      by,
    });
    const stored = await appendAt(store, stream, decided, read.revision, {
      ...alerterMeta(),
      userId: by,
    });
    let prior = read;
    for (const event of stored) {
      ledger.apply(event, prior);
      prior = { state: decider.evolve(prior.state, event), revision: event.revision };
    }
    retried++;
  }
  return retried;
}
