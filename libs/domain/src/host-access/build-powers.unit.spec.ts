import { buildPowers } from './build-powers';

describe('what a Build asks of its builder', () => {
  it('finds nothing in an ordinary build', () => {
    expect(
      buildPowers({
        pre_build: { path: '', command: ' ', shell_mode: false },
        extra_args: ['--pull'],
      }),
    ).toEqual([]);
  });

  it('finds the pre-build command, files on the host and the host network', () => {
    expect(
      buildPowers({
        pre_build: { path: '', command: 'make assets', shell_mode: true },
        files_on_host: true,
        extra_args: ['--network host'],
      }),
    ).toEqual([
      { power: 'host_commands', field: 'pre_build', detail: "runs 'make assets' on the host" },
      {
        power: 'host_files',
        field: 'files_on_host',
        detail: "builds the files in the build's folder on the host",
      },
      { power: 'host_namespaces', field: 'extra_args', detail: "builds in the host's network" },
    ]);
  });
});
