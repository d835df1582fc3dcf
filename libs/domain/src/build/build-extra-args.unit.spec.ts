import { collectBuildExtraArgs } from './build-extra-args';

describe("a Build's docker build flags, as Engine /build options", () => {
  it('translates the flags Monitor takes, in either form, one entry or several words', () => {
    expect(
      collectBuildExtraArgs([
        '--no-cache',
        '--pull=false',
        '--target prod',
        '--platform=linux/arm64/v8',
        '--network none',
        '--cache-from 127.0.0.1:5000/web:latest',
        '--build-arg A=1 --label team=web',
      ]),
    ).toEqual({
      value: {
        nocache: true,
        pull: false,
        target: 'prod',
        platform: 'linux/arm64/v8',
        networkmode: 'none',
        cachefrom: ['127.0.0.1:5000/web:latest'],
        buildargs: { A: '1' },
        labels: { team: 'web' },
      },
      errors: [],
    });
  });

  it('refuses by name the flags that would read or write the host, and values it cannot use', () => {
    const { errors } = collectBuildExtraArgs([
      '--output type=local,dest=/',
      '--iidfile=/etc/x',
      '--secret id=a,src=/etc/shadow',
      '-f /etc/passwd',
      '--target',
    ]);
    expect(errors.map((e) => e.message.replace(/ \(it takes.*$/, ''))).toEqual([
      "extra_args: '--output' is not a build flag Monitor takes",
      "extra_args: '--iidfile' is not a build flag Monitor takes",
      "extra_args: '--secret' is not a build flag Monitor takes",
      "extra_args: '-f' is not a build flag Monitor takes",
      'extra_args: --target needs a value',
    ]);
  });
});
