import { hostAccessProblem } from './host-access-problem';
import type { HostPower } from './host-powers';

const etc: HostPower = {
  power: 'bind_mount',
  field: 'volumes',
  detail: 'binds /etc',
  path: '/etc',
};
const data: HostPower = {
  power: 'bind_mount',
  field: 'volumes',
  detail: 'binds /srv/data',
  path: '/srv/data',
};
const privileged: HostPower = { power: 'privileged', field: 'extra_args', detail: '--privileged' };

describe('hostAccessProblem', () => {
  it('refuses, without Terminal, what is beyond the policy, in words and with the powers', () => {
    const policy = { user_host_powers: ['privileged'], user_bind_paths: ['/srv'] };
    expect(hostAccessProblem([etc, data, privileged], policy, false)).toEqual({
      powers: [etc],
      described: 'volumes: binds /etc',
      policy: 'privileged',
    });
  });

  it('lets Terminal use any power', () => {
    expect(hostAccessProblem([etc, privileged], {}, true)).toBeUndefined();
  });

  it("lets anyone use what the server's policy gives everyone, and a config that asks nothing", () => {
    const policy = { user_host_powers: ['privileged'], user_bind_paths: ['/etc'] };
    expect(hostAccessProblem([etc, privileged], policy, false)).toBeUndefined();
    expect(hostAccessProblem([], {}, false)).toBeUndefined();
  });

  it('says the policy gives nothing when it gives nothing', () => {
    expect(hostAccessProblem([privileged], { user_host_powers: [] }, false)?.policy).toBe('');
  });
});
