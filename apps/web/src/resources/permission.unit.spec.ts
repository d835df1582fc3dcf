import { allows } from './permission';

describe('permission levels in the web UI', () => {
  it('orders None < Read < Execute < Write', () => {
    expect(allows('Write', 'Execute')).toBe(true);
    expect(allows('Execute', 'Execute')).toBe(true);
    expect(allows('Read', 'Execute')).toBe(false);
    expect(allows('Read', 'Write')).toBe(false);
  });

  it('allows nothing while the level is unknown', () => {
    expect(allows(undefined, 'Read')).toBe(false);
  });
});
