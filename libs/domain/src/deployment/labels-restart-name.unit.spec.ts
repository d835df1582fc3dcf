import {
  containerName,
  isContainerName,
  parseLabels,
  restartPolicy,
  sanitizeContainerName,
} from './index';

describe('parseLabels', () => {
  it('gives the labels map, last value of a repeated key winning', () => {
    const text = [
      'traefik.enable=true',
      '- "traefik.http.routers.web.rule=Host(`example.com`)"',
      'com.example.note: "a: b"',
      'empty=',
      'traefik.enable=false',
    ].join('\n');
    expect(parseLabels(text)).toEqual({
      'traefik.enable': 'false',
      'traefik.http.routers.web.rule': 'Host(`example.com`)',
      'com.example.note': 'a: b',
      empty: '',
    });
  });

  it.each([
    ['just-a-word', "labels line 1: 'just-a-word' has no '=' or ':'"],
    ['my label=x', "labels line 1: 'my label' is not a label key (no white space)"],
    [
      'a=1\nmonitor.deployment=other',
      "labels line 2: 'monitor.deployment' is reserved: labels starting with monitor. are set by Monitor",
    ],
    [
      'monitor.stack=victim',
      "labels line 1: 'monitor.stack' is reserved: labels starting with monitor. are set by Monitor",
    ],
    [
      'com.docker.compose.project: victim',
      "labels line 1: 'com.docker.compose.project' is reserved: labels starting with com.docker.compose. are set by compose",
    ],
    [
      'COM.DOCKER.COMPOSE.service=web',
      "labels line 1: 'COM.DOCKER.COMPOSE.service' is reserved: labels starting with com.docker.compose. are set by compose",
    ],
  ])('refuses %j', (text, message) => {
    expect(() => parseLabels(text)).toThrow(message);
  });
});

describe('restartPolicy', () => {
  it.each([
    ['no', { Name: 'no', MaximumRetryCount: 0 }],
    ['on-failure', { Name: 'on-failure', MaximumRetryCount: 10 }],
    ['always', { Name: 'always', MaximumRetryCount: 0 }],
    ['unless-stopped', { Name: 'unless-stopped', MaximumRetryCount: 0 }],
  ])('%s', (mode, policy) => {
    expect(restartPolicy(mode)).toEqual(policy);
  });

  it.each([
    [
      'sometimes',
      "restart: 'sometimes' is not a restart mode (no, on-failure, always, unless-stopped)",
    ],
    ['', "restart: '' is not a restart mode (no, on-failure, always, unless-stopped)"],
    ['Always', "restart: 'Always' is not a restart mode (no, on-failure, always, unless-stopped)"],
    [3, 'restart: 3 is not a restart mode (no, on-failure, always, unless-stopped)'],
    [
      undefined,
      'restart: undefined is not a restart mode (no, on-failure, always, unless-stopped)',
    ],
  ])('refuses %j with a VALIDATION error', (mode, message) => {
    expect(() => restartPolicy(mode)).toThrow(message);
    expect(() => restartPolicy(mode)).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
  });
});

describe('container names', () => {
  it.each([
    ['web', 'web'],
    ['My App', 'My_App'],
    ['  api v2 ', 'api_v2'],
    ['a/b:c&d,e', 'a_b_c_d_e'],
    ['_hidden', 'hidden'],
    ['-.x', 'x'],
    ['café', 'caf_'],
    ['web.prod-1', 'web.prod-1'],
  ])('%j defaults to %j, case kept as Komodo keeps it', (name, expected) => {
    expect(sanitizeContainerName(name)).toBe(expected);
    expect(containerName('', name)).toBe(expected);
  });

  it('uses a valid custom_name as written', () => {
    expect(containerName(' Web-1.prod ', 'ignored')).toBe('Web-1.prod');
    expect(isContainerName('a')).toBe(true);
  });

  it.each([
    ['my app', "custom_name: 'my app' is not a valid container name ([a-zA-Z0-9][a-zA-Z0-9_.-]*)"],
    ['_x', "custom_name: '_x' is not a valid container name ([a-zA-Z0-9][a-zA-Z0-9_.-]*)"],
    ['a/b', "custom_name: 'a/b' is not a valid container name ([a-zA-Z0-9][a-zA-Z0-9_.-]*)"],
  ])('refuses the custom_name %j', (custom, message) => {
    expect(() => containerName(custom, 'web')).toThrow(message);
  });

  it('refuses a default name with nothing usable left', () => {
    expect(() => containerName('', '日本')).toThrow(
      "custom_name: the name '日本' has no character a container name may start with; set custom_name ([a-zA-Z0-9][a-zA-Z0-9_.-]*)",
    );
  });
});
