import fc from 'fast-check';
import { BoundedQueue } from './bounded-queue';

describe('a bounded queue', () => {
  it('refuses the item one too many, and takes items in order', () => {
    const queue = new BoundedQueue<number>(2);
    expect([queue.push(1), queue.push(2), queue.push(3)]).toEqual([true, true, false]);
    expect([queue.shift(), queue.shift(), queue.shift()]).toEqual([1, 2, undefined]);
    expect(queue.push(4)).toBe(true);
  });

  it('never holds more than its capacity, and gives back what it took in order', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.array(fc.boolean()), (capacity, ops) => {
        const queue = new BoundedQueue<number>(capacity);
        const model: number[] = [];
        ops.forEach((push, i) => {
          if (push) {
            if (queue.push(i)) model.push(i);
          } else expect(queue.shift()).toBe(model.shift());
          expect(queue.length).toBe(model.length);
          expect(queue.length).toBeLessThanOrEqual(capacity);
        });
      }),
    );
  });
});
