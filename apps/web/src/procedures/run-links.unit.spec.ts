import { childUpdateIds, parentUpdateId } from './run-links';

const A = '0123456789abcdef01234567';
const B = 'fedcba987654321001234567';

describe("a procedure run's links to its children and its parent", () => {
  it('finds each child Update the log names, once, in order', () => {
    const logs = [
      { stdout: `Stage 1 'deploy', execution 1: Deploy: Update ${A}: succeeded` },
      { stdout: `execution 1: RunAction: Update ${B}: failed\nUpdate ${A}: succeeded` },
      { stdout: 'Sleep: slept 300 ms' },
    ];
    expect(childUpdateIds(logs)).toEqual([A, B]);
  });

  it('ignores what is not a 24-hex Update id', () => {
    expect(childUpdateIds([{ stdout: 'Update 1234: done; Updated abc' }])).toEqual([]);
  });

  it("reads the parent from other_data's JSON, and none from anything else", () => {
    expect(parentUpdateId(JSON.stringify({ parent: A }))).toBe(A);
    expect(parentUpdateId(JSON.stringify({ other: 1 }))).toBeUndefined();
    expect(parentUpdateId('not json')).toBeUndefined();
    expect(parentUpdateId(undefined)).toBeUndefined();
    expect(parentUpdateId('null')).toBeUndefined();
  });
});
