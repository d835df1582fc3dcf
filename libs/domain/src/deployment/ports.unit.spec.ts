import { parsePorts } from './index';

const bindings = (text: string) => parsePorts(text).portBindings;

describe('parsePorts', () => {
  it.each([
    ['8080:80', { '80/tcp': [{ HostIp: '', HostPort: '8080' }] }],
    ['127.0.0.1:8080:80', { '80/tcp': [{ HostIp: '127.0.0.1', HostPort: '8080' }] }],
    ['8080:80/udp', { '80/udp': [{ HostIp: '', HostPort: '8080' }] }],
    ['8080:80/SCTP', { '80/sctp': [{ HostIp: '', HostPort: '8080' }] }],
    ['80', { '80/tcp': [{ HostIp: '', HostPort: '' }] }],
    ['53/udp', { '53/udp': [{ HostIp: '', HostPort: '' }] }],
    ['127.0.0.1::80', { '80/tcp': [{ HostIp: '127.0.0.1', HostPort: '' }] }],
    ['[::1]:8080:80', { '80/tcp': [{ HostIp: '::1', HostPort: '8080' }] }],
    ['[2001:db8::1]::443/tcp', { '443/tcp': [{ HostIp: '2001:db8::1', HostPort: '' }] }],
    ['8080 = 80', { '80/tcp': [{ HostIp: '', HostPort: '8080' }] }],
    ['- "8080 : 80"', { '80/tcp': [{ HostIp: '', HostPort: '8080' }] }],
    ['8000-8005:80', { '80/tcp': [{ HostIp: '', HostPort: '8000-8005' }] }],
    [
      '8000-8002:9000-9002',
      {
        '9000/tcp': [{ HostIp: '', HostPort: '8000' }],
        '9001/tcp': [{ HostIp: '', HostPort: '8001' }],
        '9002/tcp': [{ HostIp: '', HostPort: '8002' }],
      },
    ],
  ])('%s', (text, expected) => {
    expect(bindings(text)).toEqual(expected);
  });

  it('exposes every container port and binds one container port several times', () => {
    expect(parsePorts('8080:80\n127.0.0.1:8081:80\n5000-5001/udp')).toEqual({
      exposedPorts: { '80/tcp': {}, '5000/udp': {}, '5001/udp': {} },
      portBindings: {
        '80/tcp': [
          { HostIp: '', HostPort: '8080' },
          { HostIp: '127.0.0.1', HostPort: '8081' },
        ],
        '5000/udp': [{ HostIp: '', HostPort: '' }],
        '5001/udp': [{ HostIp: '', HostPort: '' }],
      },
    });
  });

  it('is empty for an empty field', () => {
    expect(parsePorts('  \n# none\n')).toEqual({ exposedPorts: {}, portBindings: {} });
  });

  it.each([
    ['8080:80\n8080:70000', 'ports line 2: 70000 is not a port (1-65535)'],
    ['0:80', 'ports line 1: 0 is not a port (1-65535)'],
    ['http:80', 'ports line 1: http is not a port (1-65535)'],
    ['8080:80/http', "ports line 1: 'http' is not a protocol (tcp, udp, sctp)"],
    ['8010-8000:80', 'ports line 1: 8010-8000 is not a port range (start above end)'],
    [
      '8000-8005:9000-9010',
      'ports line 1: host ports 8000-8005 and container ports 9000-9010 differ in length',
    ],
    ['8080:80-81', 'ports line 1: host ports 8080 and container ports 80-81 differ in length'],
    ['8080:', 'ports line 1: missing container port'],
    [':80', "ports line 1: ':80' has an empty host port"],
    [
      '::1:8080:80',
      "ports line 1: '::1:8080:80' has too many ':' (an IPv6 address goes in brackets: [::1]:8080:80)",
    ],
    [
      'localhost:8080:80',
      'ports line 1: localhost is not an IP address (an IPv6 address goes in brackets: [::1]:8080:80)',
    ],
    [
      '256.0.0.1:8080:80',
      'ports line 1: 256.0.0.1 is not an IP address (an IPv6 address goes in brackets: [::1]:8080:80)',
    ],
    ['[::1:8080:80', "ports line 1: '[::1:8080:80' opens '[' without closing it"],
    ['[zz]:8080:80', 'ports line 1: [zz] is not an IPv6 address'],
    ['[::1]:80', "ports line 1: '[::1]:80' is not [ip]:host:container"],
  ])('refuses %j', (text, message) => {
    expect(() => parsePorts(text)).toThrow(message);
  });
});
