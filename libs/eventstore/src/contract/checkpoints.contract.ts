import type { CheckpointStore } from '../checkpoints';
import { uniqueStream } from './fixtures';

export interface ContractCheckpoints {
  checkpoints: CheckpointStore;
  cleanup: () => Promise<void>;
}

export function checkpointsContract(name: string, make: () => Promise<ContractCheckpoints>): void {
  describe(`${name} checkpoint store contract`, () => {
    let made: ContractCheckpoints;
    beforeEach(async () => {
      made = await make();
    });
    afterEach(async () => {
      await made.cleanup();
    });

    it('loads 0 for a checkpoint never saved', async () => {
      expect(await made.checkpoints.load(uniqueStream('never'))).toBe(0);
    });

    it('loads the last saved position, per name', async () => {
      const [one, two] = [uniqueStream('projection.one'), uniqueStream('two ✓ *>')];
      await made.checkpoints.save(one, 65_536);
      await made.checkpoints.save(two, 7);
      await made.checkpoints.save(one, 2 ** 50 + 3);
      expect(await made.checkpoints.load(one)).toBe(2 ** 50 + 3);
      expect(await made.checkpoints.load(two)).toBe(7);
    });
  });
}
