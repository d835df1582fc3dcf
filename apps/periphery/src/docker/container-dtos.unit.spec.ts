import * as v from 'valibot';
import { badFields } from '../testing/bad-fields';
import { StopContainerDto } from './container-action.dto';
import { createOptions, describeCreate } from './create-options';
import { DeployContainerDto, type ContainerSpecDto } from './deploy-container.dto';
import { PullImageDto } from './pull-image.dto';

const spec = {
  env: ['GREETING=hello', 'API_KEY=s3cret'],
  exposedPorts: { '9000/tcp': {} },
  portBindings: { '8080/tcp': [{ HostIp: '127.0.0.1', HostPort: '18080' }] },
  binds: ['/srv/data:/data:ro'],
  labels: { team: 'web' },
  networkMode: 'bridge',
  restartPolicy: { Name: 'on-failure', MaximumRetryCount: 3 },
  stopSignal: 'SIGINT',
  stopTimeout: 5,
};
const deployParams = (overrides: object = {}, specOverrides: object = {}) => ({
  name: 'web',
  image: 'registry.example.com/web:1',
  spec: { ...spec, ...specOverrides },
  ...overrides,
});
const deploy = (overrides: object = {}, specOverrides: object = {}) =>
  v.safeParse(DeployContainerDto, deployParams(overrides, specOverrides));

describe('request schemas of the container lifecycle', () => {
  it('accepts a full deploy spec', () => {
    expect(deploy()).toMatchObject({ success: true });
    expect(
      deploy({}, { cmd: ['sh', '-c', 'echo hi'], healthcheck: { Test: ['NONE'] } }),
    ).toMatchObject({ success: true });
  });

  it.each([
    [{ name: '../web' }, {}, 'name'],
    [{ name: 'a b' }, {}, 'name'],
    [{ image: 'web; rm -rf /' }, {}, 'image'],
    [{}, { env: 'A=1' }, 'spec.env'],
    [{}, { binds: [3] }, 'spec.binds.0'],
    [{}, { labels: { a: 1 } }, 'spec.labels'],
    [{}, { exposedPorts: { http: {} } }, 'spec.exposedPorts'],
    [{}, { portBindings: { '80/tcp': [{ HostPort: 80 }] } }, 'spec.portBindings'],
    [{}, { portBindings: { '80/tcp': [{ HostAddr: 'x' }] } }, 'spec.portBindings'],
    [{}, { networkMode: '' }, 'spec.networkMode'],
    [{}, { restartPolicy: { Name: 'sometimes' } }, 'spec.restartPolicy.Name'],
    [{}, { restartPolicy: undefined }, 'spec.restartPolicy'],
    [{}, { stopSignal: 'TERM; reboot' }, 'spec.stopSignal'],
    [{}, { stopTimeout: -1 }, 'spec.stopTimeout'],
    [{}, { healthcheck: { Test: [] } }, 'spec.healthcheck.Test'],
    [{}, { colour: 'blue' }, 'spec.colour'],
  ])('refuses %j %j naming %s', (overrides, specOverrides, field) => {
    expect(badFields(DeployContainerDto, deployParams(overrides, specOverrides))).toContain(field);
  });

  it('checks stop and pull params', () => {
    expect(badFields(StopContainerDto, { name: 'web', signal: 'SIGUSR1', timeSeconds: 3 })).toEqual(
      [],
    );
    expect(badFields(StopContainerDto, { name: 'web', timeSeconds: 601 })).toEqual(['timeSeconds']);
    expect(badFields(StopContainerDto, { name: '.' })).toEqual(['name']);
    expect(badFields(PullImageDto, { image: 'ghcr.io/a/b:1' })).toEqual([]);
    const noToken = { image: 'ghcr.io/a/b:1', registry: { domain: 'ghcr.io', username: 'me' } };
    expect(badFields(PullImageDto, noToken)).toEqual(['registry.token']);
  });
});

describe('createOptions', () => {
  const value: ContainerSpecDto = v.parse(DeployContainerDto, deployParams()).spec;

  it('exposes every bound port, as the CLI does, and keeps the Engine fields', () => {
    const options = createOptions('web-new', 'app:1', value);
    expect(options).toMatchObject({
      name: 'web-new',
      Image: 'app:1',
      Env: spec.env,
      ExposedPorts: { '9000/tcp': {}, '8080/tcp': {} },
      StopSignal: 'SIGINT',
      StopTimeout: 5,
      HostConfig: {
        Binds: spec.binds,
        NetworkMode: 'bridge',
        PortBindings: spec.portBindings,
        RestartPolicy: { Name: 'on-failure', MaximumRetryCount: 3 },
      },
    });
    expect(options).not.toHaveProperty('Cmd');
  });

  it('describes the command without environment values', () => {
    const command = describeCreate('web-new', 'app:1', {
      ...value,
      cmd: ['sh', '-c', "echo 'hi'"],
    });
    expect(command).toContain('--env API_KEY=***');
    expect(command).not.toContain('s3cret');
    expect(command).toContain('-p 127.0.0.1:18080:8080/tcp');
    expect(command).toContain('--restart on-failure:3');
    expect(command).toMatch(/app:1 sh -c 'echo '\\''hi'\\'''$/);
  });
});
