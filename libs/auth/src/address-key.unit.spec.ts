import { addressKey } from './address-key';

describe('addressKey', () => {
  it('counts an IPv4 address alone, mapped into IPv6 or not', () => {
    expect(addressKey('203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey('::FFFF:127.0.0.1')).toBe('127.0.0.1');
  });
  it('counts an IPv6 address by its /64, however it is written', () => {
    const key = '2001:db8:0:1::/64';
    expect(addressKey('2001:db8:0:1::1')).toBe(key);
    expect(addressKey('2001:db8:0:1:ffff:ffff:ffff:ffff')).toBe(key);
    expect(addressKey('2001:0DB8:0000:0001:0:0:0:9')).toBe(key);
    expect(addressKey('2001:db8:0:1:1::%eth0')).toBe(key);
    expect(addressKey('2001:db8:0:2::1')).not.toBe(key);
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('2001:db8::')).toBe('2001:db8:0:0::/64');
    expect(addressKey('2001:db8:1:2:3:4:192.0.2.1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8:1:2::192.0.2.1')).toBe('2001:db8:1:2::/64');
  });
  it('leaves anything else as it is', () => {
    expect(addressKey('')).toBe('');
    expect(addressKey('unknown')).toBe('unknown');
  });
});
