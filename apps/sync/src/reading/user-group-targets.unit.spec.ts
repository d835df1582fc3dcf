import { formatProblem, readSyncFiles } from './index';

const read = (...lines: string[]) =>
  readSyncFiles([{ path: 'groups.toml', contents: lines.join('\n') }], { exists: () => true });

describe('a user group granting on a kind beyond Komodo', () => {
  it('reads a ServerTemplate grant, per kind and per resource, as the export writes it', () => {
    const { declared, problems } = read(
      '[[user_group]]',
      'name = "ops"',
      'all.ServerTemplate = "Execute"',
      'permissions = [',
      '  { target.type = "ServerTemplate", target.id = "aws-small", level = "Write" },',
      ']',
    );
    expect(problems.map(formatProblem)).toEqual([]);
    expect(declared.userGroups[0]).toMatchObject({
      all: { ServerTemplate: 'Execute' },
      permissions: [{ target: { type: 'ServerTemplate', id: 'aws-small' }, level: 'Write' }],
    });
  });

  it('still refuses a target type that is no kind', () => {
    const { declared, problems } = read(
      '[[user_group]]',
      'name = "ops"',
      'permissions = [{ target.type = "Cluster", target.id = "x", level = "Read" }]',
    );
    expect(declared.userGroups).toEqual([]);
    expect(problems.map(formatProblem)).toEqual([
      expect.stringMatching(
        /^groups\.toml:3:user_group\[ops\]\.permissions\.0\.target\.type: must be one of .*ServerTemplate \(got "Cluster"\)$/,
      ),
    ]);
  });
});
