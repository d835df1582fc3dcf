import { createIpAllowList, parseIpRule } from './ip-allow-list';

describe('parseIpRule', () => {
  it.each([
    ['10.1.2.3', { address: '10.1.2.3', prefix: 32, family: 'ipv4' }],
    ['10.0.0.0/8', { address: '10.0.0.0', prefix: 8, family: 'ipv4' }],
    ['::1', { address: '::1', prefix: 128, family: 'ipv6' }],
    ['fd00::/8', { address: 'fd00::', prefix: 8, family: 'ipv6' }],
  ])('reads %s', (text, rule) => expect(parseIpRule(text)).toEqual(rule));

  it.each(['', 'localhost', '10.0.0.0/33', '::/129', '10.0.0.1/8/1', '10.0.0.0/x', '300.1.1.1'])(
    'refuses %j',
    (text) => expect(parseIpRule(text)).toBeUndefined(),
  );
});

describe('createIpAllowList', () => {
  it('allows anyone when empty', () => {
    expect(createIpAllowList([]).allows('203.0.113.9')).toBe(true);
  });

  it('matches addresses and ranges of both families, IPv4-mapped IPv6 included', () => {
    const list = createIpAllowList(['127.0.0.0/8', '192.168.1.7', 'fd00::/8']);
    expect(list.allows('127.0.0.1')).toBe(true);
    expect(list.allows('::ffff:127.0.0.1')).toBe(true);
    expect(list.allows('192.168.1.7')).toBe(true);
    expect(list.allows('::ffff:192.168.1.7')).toBe(true);
    expect(list.allows('fd12::1')).toBe(true);
    expect(list.allows('192.168.1.8')).toBe(false);
    expect(list.allows('::1')).toBe(false);
    expect(list.allows(undefined)).toBe(false);
    expect(list.allows('not an address')).toBe(false);
  });

  it('matches an IPv4 client against an IPv4-mapped rule', () => {
    expect(createIpAllowList(['::ffff:10.0.0.1']).allows('10.0.0.1')).toBe(true);
  });
});
