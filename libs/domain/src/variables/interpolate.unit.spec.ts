import { interpolate } from './interpolate';

const vars: Record<string, { value: string; isSecret: boolean }> = {
  HOST: { value: 'db.local', isSecret: false },
  TOKEN: { value: 's3cr3t-value', isSecret: true },
};
const lookup = (name: string) => vars[name];

describe('interpolate', () => {
  it('replaces references and reports the secrets it used', () => {
    expect(interpolate('url=https://[[HOST]]/?t=[[TOKEN]]&again=[[TOKEN]]', lookup)).toEqual({
      text: 'url=https://db.local/?t=s3cr3t-value&again=s3cr3t-value',
      secrets: ['s3cr3t-value'],
    });
  });
  it('leaves text without references alone', () => {
    expect(interpolate('[not] [[ a ]] [[1X]]', lookup)).toEqual({
      text: '[not] [[ a ]] [[1X]]',
      secrets: [],
    });
  });
  it('fails naming every unknown variable', () => {
    expect(() => interpolate('[[NOPE]] [[HOST]] [[ALSO_NOPE]]', lookup)).toThrow(
      "unknown variables 'NOPE', 'ALSO_NOPE'",
    );
  });
});
