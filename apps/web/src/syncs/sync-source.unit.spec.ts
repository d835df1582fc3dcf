import { commitOffer, filesShown, syncOrigin, UI_FILE, unfolded } from './sync-source';

const READ = [
  { resource_path: '', path: 'sync/servers.toml', contents: '[[server]]\nname = "a"\n' },
];

describe('the sync page: where the files are', () => {
  it.each([
    [{ files_on_host: true, repo: 'acme/infra' }, 'host'],
    [{ repo: 'acme/infra' }, 'git'],
    [{ repo: '  ', linked_repo: 'infra-repo' }, 'git'],
    [{ repo: '  ' }, 'ui'],
    [{ file_contents: '[[server]]' }, 'ui'],
    [{}, 'ui'],
  ])('given %j, then %s', (config, origin) => {
    expect(syncOrigin(config)).toBe(origin);
  });

  it("given a UI sync, then its one file is the config's file_contents as it is now (even empty), not what was read", () => {
    expect(filesShown({ file_contents: 'x = 1' }, READ)).toEqual([
      { resource_path: '', path: UI_FILE, contents: 'x = 1' },
    ]);
    expect(filesShown({}, [])).toEqual([{ resource_path: '', path: UI_FILE, contents: '' }]);
  });

  it('shows one or two files unfolded, three or more folded', () => {
    expect([1, 2, 3, 10].map(unfolded)).toEqual([true, true, false, false]);
  });

  it('given a git or host sync, then the files the last refresh read', () => {
    expect(filesShown({ repo: 'acme/infra' }, READ)).toEqual(READ);
    expect(filesShown({ files_on_host: true }, [])).toEqual([]);
  });
});

describe('the sync page: Commit', () => {
  it('is offered to a fresh sync (no files anywhere yet), changes or not', () => {
    expect(commitOffer({ repo: '', file_contents: '' }, false)).toBe('fresh');
  });

  it('is offered to a managed sync only when the plan holds a change', () => {
    expect(commitOffer({ repo: 'acme/infra', managed: true }, true)).toBe('managed');
    expect(commitOffer({ repo: 'acme/infra', managed: true }, false)).toBeUndefined();
    expect(commitOffer({ file_contents: 'x', managed: true }, true)).toBe('managed');
  });

  it('is not offered to an unmanaged sync with files (the service refuses it)', () => {
    expect(commitOffer({ repo: 'acme/infra' }, true)).toBeUndefined();
    expect(commitOffer({ files_on_host: true }, true)).toBeUndefined();
    expect(commitOffer({ file_contents: 'x' }, true)).toBeUndefined();
  });
});
