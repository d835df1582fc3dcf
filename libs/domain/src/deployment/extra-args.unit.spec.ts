import { collectExtraArgs } from './extra-args';
import { validateDeploymentConfig } from './validate';

describe('extra_args: docker run flags as Engine API fields', () => {
  it('translates the supported flags, in both the `=` and the two-word forms', () => {
    const { value, errors } = collectExtraArgs([
      '--memory=512m',
      '--cpus 1.5',
      '--cap-add NET_ADMIN',
      '--cap-add=SYS_TIME',
      '--init',
      '--privileged=false',
      '--add-host db.local:127.0.0.1',
      '--ulimit nofile=1024:2048',
      '--log-driver json-file --log-opt max-size=10m',
      '--tmpfs /run:rw,size=64m',
      '--sysctl net.core.somaxconn=1024',
      '--device /dev/fuse',
      '-u 1000:1000',
      "--entrypoint '/bin/sh'",
      '--workdir /srv',
      '--shm-size 1g',
    ]);
    expect(errors).toEqual([]);
    expect(value.host).toEqual({
      Memory: 512 * 2 ** 20,
      NanoCpus: 1_500_000_000,
      CapAdd: ['NET_ADMIN', 'SYS_TIME'],
      Init: true,
      Privileged: false,
      ExtraHosts: ['db.local:127.0.0.1'],
      Ulimits: [{ Name: 'nofile', Soft: 1024, Hard: 2048 }],
      LogConfig: { Type: 'json-file', Config: { 'max-size': '10m' } },
      Tmpfs: { '/run': 'rw,size=64m' },
      Sysctls: { 'net.core.somaxconn': '1024' },
      Devices: [
        { PathOnHost: '/dev/fuse', PathInContainer: '/dev/fuse', CgroupPermissions: 'rwm' },
      ],
      ShmSize: 2 ** 30,
    });
    expect(value.config).toEqual({
      User: '1000:1000',
      Entrypoint: ['/bin/sh'],
      WorkingDir: '/srv',
    });
  });

  it('makes the --health-* flags a Healthcheck, durations in nanoseconds', () => {
    const { value, errors } = collectExtraArgs([
      "--health-cmd 'curl -f http://localhost/ || exit 1'",
      '--health-interval=1m30s --health-timeout 500ms --health-retries 3',
    ]);
    expect(errors).toEqual([]);
    expect(value.health).toEqual({
      Test: ['CMD-SHELL', 'curl -f http://localhost/ || exit 1'],
      Interval: 90e9,
      Timeout: 500e6,
      Retries: 3,
    });
    expect(collectExtraArgs(['--no-healthcheck']).value.health).toEqual({ Test: ['NONE'] });
    expect(collectExtraArgs(['--health-interval 1x']).errors[0].message).toContain(
      "'1x' is not a duration",
    );
    expect(collectExtraArgs(['--health-retries 2']).errors[0].message).toContain(
      'need --health-cmd',
    );
  });

  it.each([
    [['--gpus all'], "'--gpus' is not a docker run flag Monitor can give the Engine API"],
    [['-e', 'A=1'], "-e is not taken here: set the field 'environment'"],
    [['--publish=80:80'], "--publish is not taken here: set the field 'ports'"],
    [['--memory lots'], "--memory: 'lots' is not a size"],
    [['--cpus=0'], "--cpus: '0' is not a number of CPUs"],
    [['--cap-add'], '--cap-add needs a value'],
    [['--init=maybe'], "--init: 'maybe' is not true or false"],
    [['--ulimit nofile'], "--ulimit: 'nofile' is not name=soft[:hard]"],
    [["--entrypoint 'x"], 'unterminated'],
    [['constructor'], "'constructor' is not a docker run flag"],
  ])('refuses %j naming the flag', (args, message) => {
    const { errors } = collectExtraArgs(args);
    expect(errors).toHaveLength(1);
    expect(errors[0].field).toBe('extra_args');
    expect(errors[0].message).toContain(message);
  });

  it('is checked when the config is written, except where a [[VARIABLE]] stands for a value', () => {
    expect(validateDeploymentConfig({ extra_args: ['--gpus all'] })[0].message).toMatch(/--gpus/);
    expect(validateDeploymentConfig({ extra_args: ['--memory=[[MEM]]'] })).toEqual([]);
    expect(validateDeploymentConfig({ extra_args: ['--memory=1g'] })).toEqual([]);
  });
});
