import {
  defaultDeploymentConfig,
  type DeploymentConfig,
} from './deployment.config';
import { validateDeploymentConfig } from './index';

const validate = (patch: Partial<DeploymentConfig>) =>
  validateDeploymentConfig({ ...defaultDeploymentConfig(), ...patch });

describe('validateDeploymentConfig', () => {
  it('accepts the default config and a complete valid one', () => {
    expect(validate({})).toEqual([]);
    expect(
      validate({
        custom_name: 'web-1',
        environment: 'A=1\n- "B: two"',
        ports: '8080:80\n127.0.0.1:9000-9001:9000-9001/udp',
        volumes: '/srv:/srv:ro\ndata:/data',
        labels: 'traefik.enable=true',
        command: `serve --motd 'hi there'`,
        restart: 'on-failure',
      }),
    ).toEqual([]);
  });

  it('returns every error at once, with field and line', () => {
    expect(
      validate({
        custom_name: 'my app',
        environment: 'A=1\n1BAD=x\nNOEQ',
        ports: '8080:80\n70000:80',
        volumes: 'data',
        labels: 'monitor.deployment=x',
        command: 'echo "open',
        restart: 'sometimes' as DeploymentConfig['restart'],
        termination_signal: 'SIGKILL' as DeploymentConfig['termination_signal'],
        termination_timeout: -1,
      }),
    ).toEqual([
      {
        field: 'custom_name',
        message: "custom_name: 'my app' is not a valid container name ([a-zA-Z0-9][a-zA-Z0-9_.-]*)",
      },
      {
        field: 'environment',
        line: 2,
        message:
          "environment line 2: '1BAD' is not a valid variable name (letters, digits and '_', not starting with a digit)",
      },
      {
        field: 'environment',
        line: 3,
        message: "environment line 3: 'NOEQ' has no '=' or ':'",
      },
      { field: 'ports', line: 2, message: 'ports line 2: 70000 is not a port (1-65535)' },
      {
        field: 'volumes',
        line: 1,
        message:
          "volumes line 1: 'data' needs a source and a container path (source:/container/path)",
      },
      {
        field: 'labels',
        line: 1,
        message:
          "labels line 1: 'monitor.deployment' is reserved: labels starting with monitor. are set by Monitor",
      },
      { field: 'command', message: 'command: unterminated " quote at character 6' },
      {
        field: 'restart',
        message:
          "restart: 'sometimes' is not a restart mode (no, on-failure, always, unless-stopped)",
      },
      {
        field: 'termination_signal',
        message: 'termination_signal: "SIGKILL" is not a signal (SIGHUP, SIGINT, SIGQUIT, SIGTERM)',
      },
      {
        field: 'termination_timeout',
        message: 'termination_timeout: -1 is not a number of seconds (a whole number, 0 or more)',
      },
    ]);
  });

  it('checks the default container name when given the resource name', () => {
    expect(validateDeploymentConfig({}, 'My Web')).toEqual([]);
    expect(validateDeploymentConfig({ custom_name: '' }, '日本').map((e) => e.field)).toEqual([
      'custom_name',
    ]);
  });

  it('checks only the fields a partial config carries', () => {
    expect(validateDeploymentConfig({ ports: '80:80' })).toEqual([]);
    expect(validateDeploymentConfig({ ports: 'x' }).map((e) => e.message)).toEqual([
      'ports line 1: x is not a port (1-65535)',
    ]);
  });

  it.each([
    ['environment', 'DB_PASS=[[DB_PASS]]'],
    ['environment', '[[SHARED_ENV]]'],
    ['environment', '[[PREFIX]]_HOST=db'],
    ['ports', '[[HOST_PORT]]:80'],
    ['ports', '[[MAPPING]]'],
    ['ports', '[[BIND_IP]]:8080:80/udp'],
    ['ports', '127.0.0.1:[[PORT]]:80'],
    ['ports', '[::1]:[[PORT]]:[[PORT]]'],
    ['volumes', '[[DATA_DIR]]:/data'],
    ['volumes', '/srv/[[APP]]:/data:ro'],
    ['volumes', '[[VOLUME]]'],
    ['labels', 'traefik.http.routers.[[APP]].rule=Host(`[[DOMAIN]]`)'],
    ['command', `serve --token "[[TOKEN]]"`],
  ])('accepts %s %j: a reference is judged by what surrounds it', (field, text) => {
    expect(validate({ [field]: text })).toEqual([]);
  });

  it.each([
    [
      'environment',
      '1[[X]]=a',
      "environment line 1: '1[[X]]' is not a valid variable name (letters, digits and '_', not starting with a digit)",
    ],
    ['environment', 'KEY [[X]]', "environment line 1: 'KEY [[X]]' has no '=' or ':'"],
    ['ports', '[[HOST_PORT]]:70000', 'ports line 1: 70000 is not a port (1-65535)'],
    ['ports', '[[HOST_PORT]]:80/http', "ports line 1: 'http' is not a protocol (tcp, udp, sctp)"],
    [
      'ports',
      '300.1.1.1:[[PORT]]:80',
      'ports line 1: 300.1.1.1 is not an IP address (an IPv6 address goes in brackets: [::1]:8080:80)',
    ],
    ['volumes', '[[DATA_DIR]]:data', 'volumes line 1: container path data must be absolute'],
    [
      'volumes',
      '[[DATA_DIR]]:/data:bogus',
      "volumes line 1: 'bogus' is not a volume option (ro, rw, z, Z, nocopy, consistent, cached, delegated, shared, rshared, slave, rslave, private, rprivate)",
    ],
    ['volumes', './[[DIR]]:/data', 'volumes line 1: host path ./[[DIR]] must be absolute'],
    ['command', `serve '[[TOKEN]]`, "command: unterminated ' quote at character 7"],
  ])('refuses %s %j around the reference', (field, text, message) => {
    expect(validate({ [field]: text }).map((e) => e.message)).toEqual([message]);
  });
});
