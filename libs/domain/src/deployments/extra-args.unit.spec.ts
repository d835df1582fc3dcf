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
