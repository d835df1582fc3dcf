import fc from 'fast-check';
import { JsonAnswer } from './json-answer';

describe('JsonAnswer', () => {
  it("an array joined from its items' JSON is byte for byte JSON.stringify of the array", () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue()), (values) => {
        const joined = JsonAnswer.array(values.map((v) => JSON.stringify(v)));
        expect(joined.json).toBe(JSON.stringify(values));
      }),
    );
  });

  it('serialised again (over the bus) it gives the same value', () => {
    const items = [{ name: 'a "quoted" \u2028 name', info: { n: 1, none: null } }];
    const answer = JsonAnswer.array(items.map((i) => JSON.stringify(i)));
    expect(JSON.stringify({ answer })).toBe(JSON.stringify({ answer: items }));
  });
});
