import { repoPowers } from './repo-powers';

describe('repoPowers', () => {
  it('names on_clone and on_pull as host commands, and nothing for empty commands', () => {
    expect(
      repoPowers({
        on_clone: { path: '', command: 'make', shell_mode: true },
        on_pull: { path: 'x', command: ' ', shell_mode: true },
      }),
    ).toEqual([{ power: 'host_commands', field: 'on_clone', detail: "runs 'make' on the host" }]);
    expect(repoPowers({})).toEqual([]);
  });
});
