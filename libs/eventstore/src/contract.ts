/**
 * The contract every event store adapter passes: one suite, run by each adapter's spec file
 * against a real engine. It uses Jest's globals, so it is not exported from the index and
 * production code never loads it.
 */
import { appendContract } from './contract/append.contract';
import { concurrencyContract } from './contract/concurrency.contract';
import type { ContractStore } from './contract/fixtures';
import { idempotencyContract } from './contract/idempotency.contract';
import { readContract } from './contract/read.contract';
import { roundTripContract } from './contract/round-trip.contract';
import { subscribeContract } from './contract/subscribe.contract';
import type { EventStore } from './port';

export type { ContractStore } from './contract/fixtures';
export { checkpointsContract, type ContractCheckpoints } from './contract/checkpoints.contract';

/**
 * Defines the contract tests for one adapter. `makeStore` is called before each test and its
 * `cleanup` after it; a store may be shared between tests (the tests use fresh stream names and
 * positions relative to the head), but a fresh one keeps failures apart.
 */
export function eventStoreContract(name: string, makeStore: () => Promise<ContractStore>): void {
  describe(`${name} event store contract`, () => {
    let made: ContractStore | undefined;
    const current = (): EventStore => {
      if (!made) throw new Error('no store: makeStore failed');
      return made.store;
    };
    beforeEach(async () => {
      made = await makeStore();
    });
    afterEach(async () => {
      await made?.cleanup();
      made = undefined;
    });

    appendContract(current);
    readContract(current);
    subscribeContract(current);
    idempotencyContract(current);
    concurrencyContract(current);
    roundTripContract(current);
  });
}
