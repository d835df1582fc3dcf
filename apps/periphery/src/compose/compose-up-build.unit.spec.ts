import * as v from 'valibot';
import { ComposeUpDto } from './compose.dto';

const up = (extra: object) =>
  v.safeParse(ComposeUpDto, { stack: 's1', project: 'p1', files: ['compose.yaml'], ...extra });

describe("the agent's ComposeUp build params", () => {
  it('takes run_build with flags of the closed list, as words', () => {
    const parsed = up({
      run_build: true,
      build_extra_args: ['--no-cache', '--build-arg', 'TOKEN=a secret with spaces'],
    });
    expect(parsed.success).toBe(true);
  });

  it.each([
    [['--ssh', 'default'], "'--ssh' is not a compose build flag"],
    [['--push'], "'--push' is not a compose build flag"],
    [['--build-arg', 'MONITOR_PASSKEY'], '--build-arg: must be KEY=VALUE'],
  ])('refuses %j again at the agent (a reference hid it when written)', (args, message) => {
    const parsed = up({ run_build: true, build_extra_args: args });
    expect(parsed.success).toBe(false);
    expect(parsed.issues?.map((i) => i.message).join('; ')).toContain(message);
  });
});
