import {
  defaultDeploymentConfig,
  type DeploymentConfig,
} from './deployment.config';
import { interpolate } from '../variables/interpolate';
import { buildContainerSpec } from './index';

const variables: Record<string, { value: string; isSecret: boolean }> = {
  DB_PASS: { value: 'pa55 #word', isSecret: true },
  HOST_PORT: { value: '8443', isSecret: false },
  DATA: { value: '/srv/app', isSecret: false },
  TOKEN: { value: 'tok3n-secret', isSecret: true },
  SHARED_ENV: { value: 'LOG=info\nREGION=eu', isSecret: false },
  PEM: { value: '-----BEGIN-----\nAAAA\n-----END-----', isSecret: true },
};
const options = {
  id: 'dep-123',
  name: 'My Web',
  image: 'nginx:1.27',
  interpolate: (text: string) => interpolate(text, (name) => variables[name]),
};
const config = (patch: Partial<DeploymentConfig>): DeploymentConfig => ({
  ...defaultDeploymentConfig(),
  ...patch,
});

describe('buildContainerSpec', () => {
  it('builds the Engine API spec, interpolating and collecting the secrets used', () => {
    const { spec, secrets } = buildContainerSpec(
      config({
        environment: 'DB_PASS=[[DB_PASS]] # cut before interpolation\nMODE=prod',
        ports: '[[HOST_PORT]]:443',
        volumes: '[[DATA]]:/data:ro',
        labels: 'app=web',
        command: `serve --token [[TOKEN]] --motd 'hello world'`,
        restart: 'unless-stopped',
        network: 'frontend',
        termination_signal: 'SIGINT',
        termination_timeout: 30,
      }),
      options,
    );
    expect(spec).toEqual({
      name: 'My_Web',
      image: 'nginx:1.27',
      cmd: ['serve', '--token', 'tok3n-secret', '--motd', 'hello world'],
      env: ['DB_PASS=pa55 #word', 'MODE=prod'],
      exposedPorts: { '443/tcp': {} },
      portBindings: { '443/tcp': [{ HostIp: '', HostPort: '8443' }] },
      binds: ['/srv/app:/data:ro'],
      labels: { app: 'web', 'monitor.deployment': 'dep-123' },
      networkMode: 'frontend',
      restartPolicy: { Name: 'unless-stopped', MaximumRetryCount: 0 },
      stopSignal: 'SIGINT',
      stopTimeout: 30,
    });
    expect(secrets.sort()).toEqual(['pa55 #word', 'tok3n-secret']);
  });

  it('leaves cmd out for the image default, and uses custom_name and the default network', () => {
    const { spec, secrets } = buildContainerSpec(
      config({ custom_name: 'web-1', network: ' ' }),
      options,
    );
    expect(spec).not.toHaveProperty('cmd');
    expect(spec).toMatchObject({ name: 'web-1', networkMode: 'bridge', env: [], binds: [] });
    expect(spec.labels).toEqual({ 'monitor.deployment': 'dep-123' });
    expect(secrets).toEqual([]);
  });

  it('does not interpolate when skip_secret_interp is set, as Komodo', () => {
    const call = jest.fn(options.interpolate);
    const { spec } = buildContainerSpec(
      config({ skip_secret_interp: true, environment: 'A=[[TOKEN]]' }),
      { ...options, interpolate: call },
    );
    expect(spec.env).toEqual(['A=[[TOKEN]]']);
    expect(call).not.toHaveBeenCalled();
  });

  it('expands a block of env lines from one variable, and keeps a multi-line secret whole', () => {
    const { spec } = buildContainerSpec(
      config({ environment: '[[SHARED_ENV]]\nKEY=[[PEM]]' }),
      options,
    );
    expect(spec.env).toEqual(['LOG=info', 'REGION=eu', 'KEY=-----BEGIN-----\nAAAA\n-----END-----']);
  });

  it('fails naming an unknown variable', () => {
    expect(() => buildContainerSpec(config({ ports: '[[NOPE]]:80' }), options)).toThrow(
      "unknown variable 'NOPE'",
    );
  });

  it('reports every problem at once, never quoting a secret', () => {
    const run = () =>
      buildContainerSpec(
        config({
          environment: 'OK=1\n[[TOKEN]]',
          ports: '8080:80\n99999:80',
          restart: 'sometimes' as DeploymentConfig['restart'],
          command: `echo 'open`,
        }),
        { ...options, image: ' ' },
      );
    expect(run).toThrow(
      [
        "environment line 2: '*****' has no '=' or ':'",
        'ports line 2: 99999 is not a port (1-65535)',
        "command: unterminated ' quote at character 6",
        "restart: 'sometimes' is not a restart mode (no, on-failure, always, unless-stopped)",
        'image: the deployment has no image',
      ].join('; '),
    );
    expect(run).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
    try {
      run();
    } catch (error) {
      expect(JSON.stringify((error as { details: unknown }).details)).not.toContain('tok3n-secret');
    }
  });
});
