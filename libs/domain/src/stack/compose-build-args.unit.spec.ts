import { collectComposeBuildArgs, validateStackConfig } from './compose-build-args';

describe("a Stack's build_extra_args", () => {
  it('takes the flags of the closed list, as words', () => {
    const { value, errors } = collectComposeBuildArgs([
      '--no-cache',
      '--pull --quiet',
      '--build-arg "GREETING=hello there"',
      '--build-arg=MODE=prod',
      '--progress plain',
    ]);
    expect(errors).toEqual([]);
    expect(value).toEqual([
      '--no-cache',
      '--pull',
      '--quiet',
      '--build-arg',
      'GREETING=hello there',
      '--build-arg=MODE=prod',
      '--progress',
      'plain',
    ]);
  });

  it.each([
    [['--ssh default'], "'--ssh' is not a compose build flag"],
    [['--push'], "'--push' is not a compose build flag"],
    [['--builder=remote'], "'--builder' is not a compose build flag"],
    [['--build-arg MONITOR_PASSKEY'], '--build-arg: must be KEY=VALUE'],
    [['--build-arg'], '--build-arg needs a value'],
    [['--progress fancy'], '--progress: must be one of'],
    [['--no-cache=false'], '--no-cache: takes no value'],
    [['--pull "unclosed'], 'unterminated " quote'],
  ])('refuses %j naming the field', (args, message) => {
    const { errors } = collectComposeBuildArgs(args);
    expect(errors).toHaveLength(1);
    expect(errors[0].field).toBe('build_extra_args');
    expect(errors[0].message).toContain(`build_extra_args: ${message}`);
  });

  it('is checked when a Stack is written, references left to the deploy', () => {
    expect(validateStackConfig({ build_extra_args: ['--ssh', 'default'] })).toHaveLength(1);
    expect(validateStackConfig({ build_extra_args: ['--build-arg', 'T=[[TOKEN]]'] })).toEqual([]);
    expect(validateStackConfig({})).toEqual([]);
  });
});
