import type { ResourceKind } from '@monitor/domain';
import { formatProblem, readSyncFiles } from './index';

/** A file's text, one argument per line: line numbers in the cases are these positions. */
const lines = (...text: string[]) => text.join('\n');

type Files = Record<string, string>;

const EXISTING: [ResourceKind, string][] = [
  ['Server', 'server-01'],
  ['Builder', 'builder-01'],
];

function read(files: Files) {
  return readSyncFiles(
    Object.entries(files).map(([path, contents]) => ({ path, contents })),
    { exists: (kind, name) => EXISTING.some(([k, n]) => k === kind && n === name) },
  );
}

const server = (name: string, ...config: string[]) =>
  lines('[[server]]', `name = "${name}"`, '[server.config]', ...config);
const deployment = (name: string, ...config: string[]) =>
  lines('[[deployment]]', `name = "${name}"`, '[deployment.config]', ...config);

/** [what is broken, the files, `file:line:field` of the error, words of its message] */
const CASES: [string, Files, string, string][] = [
  // Syntax: smol-toml's line, after Komodo's pre-pass.
  ['an unclosed string', { 'a.toml': lines('[[server]]', 'name = "a') }, 'a.toml:2:toml', 'string'],
  ['a key without value', { 'a.toml': server('a', 'address =') }, 'a.toml:4:toml', 'invalid'],
  [
    'a key given twice',
    { 'a.toml': lines('[[server]]', 'name = "a"', 'name = "b"') },
    'a.toml:3:toml',
    'redefine',
  ],
  ['an unknown escape', { 'a.toml': server('a', 'address = "\\q"') }, 'a.toml:4:toml', 'escape'],
  [
    'a key reaching the prototype',
    { 'a.toml': server('a', '__proto__ = 1') },
    'a.toml:4:toml',
    'unsafe',
  ],
  [
    'a table defined twice',
    { 'a.toml': lines(server('a', 'enabled = true'), '[server.config]') },
    'a.toml:5:toml',
    'redefine',
  ],
  // Types, as Komodo's serde refuses them.
  [
    'a boolean as a string',
    { 'a.toml': server('a', 'enabled = "yes"') },
    'a.toml:4:server[a].config.enabled',
    'must be a boolean',
  ],
  [
    'an integer as a string',
    { 'a.toml': deployment('d', 'termination_timeout = "10"') },
    'a.toml:4:deployment[d].config.termination_timeout',
    'must be an integer',
  ],
  [
    'tags as a string',
    { 'a.toml': lines('[[server]]', 'name = "a"', 'tags = "prod"') },
    'a.toml:3:server[a].tags',
    'array of strings',
  ],
  [
    'a name that is a number',
    { 'a.toml': lines('[[server]]', 'name = 5') },
    'a.toml:2:server[#1].name',
    'non-empty string',
  ],
  [
    'no name',
    { 'a.toml': lines('[[server]]', 'description = "x"') },
    'a.toml:1:server[#1].name',
    'required',
  ],
  [
    'deploy as a string',
    { 'a.toml': lines('[[deployment]]', 'name = "d"', 'deploy = "yes"') },
    'a.toml:3:deployment[d].deploy',
    'must be a boolean',
  ],
  [
    'config as a string',
    { 'a.toml': lines('[[server]]', 'name = "a"', 'config = "x"') },
    'a.toml:3:server[a].config',
    'must be a table',
  ],
  [
    'a single table where tables go',
    { 'a.toml': lines('# servers', '[server]', 'name = "a"') },
    'a.toml:2:server',
    'written [[server]]',
  ],
  [
    'config as a date',
    { 'a.toml': lines('[[server]]', 'name = "a"', 'config = 1979-05-27') },
    'a.toml:3:server[a].config',
    'must be a table (got a date)',
  ],
  [
    'file_paths as a number',
    { 'a.toml': lines('[[stack]]', 'name = "s"', '[stack.config]', 'file_paths = 5') },
    'a.toml:4:stack[s].config.file_paths',
    'array of strings',
  ],
  [
    'an environment item without value',
    { 'a.toml': deployment('d', 'environment = [', '  { variable = "A" },', ']') },
    'a.toml:5:deployment[d].config.environment.0',
    '{ variable, value }',
  ],
  [
    'a version that is no number',
    { 'a.toml': lines('[[build]]', 'name = "b"', '[build.config]', 'version = "x.1"') },
    'a.toml:4:build[b].config.version',
    'major version must be an integer',
  ],
  [
    'a variable value as a number',
    { 'a.toml': lines('[[variable]]', 'name = "V"', 'value = 1') },
    'a.toml:3:variable[V].value',
    'must be a string',
  ],
  [
    'user group users as a string',
    { 'a.toml': lines('[[user_group]]', 'name = "g"', 'users = "bob"') },
    'a.toml:3:user_group[g].users',
    'array of strings',
  ],
  [
    'a variable name starting with a digit',
    { 'a.toml': lines('[[variable]]', 'name = "1abc"') },
    'a.toml:2:variable[1abc].name',
    'letters, digits',
  ],
  [
    'a procedure stage without name',
    {
      'a.toml': lines(
        '[[procedure]]',
        'name = "p"',
        '[[procedure.config.stage]]',
        'enabled = true',
      ),
    },
    'a.toml:3:procedure[p].config.stages.0.name',
    'required',
  ],
  // Enums.
  [
    'an unknown restart mode',
    { 'a.toml': deployment('d', 'restart = "sometimes"') },
    'a.toml:4:deployment[d].config.restart',
    'must be one of',
  ],
  [
    'an unknown image type',
    { 'a.toml': deployment('d', 'image.type = "Docker"') },
    'a.toml:4:deployment[d].config.image.type',
    'must be one of',
  ],
  [
    'an unknown builder type',
    { 'a.toml': lines('[[builder]]', 'name = "b"', 'config.type = "Gcp"') },
    'a.toml:3:builder[b].config.type',
    'must be one of',
  ],
  [
    'an unknown level on a kind',
    { 'a.toml': lines('[[user_group]]', 'name = "g"', 'all.Server = "Admin"') },
    'a.toml:3:user_group[g].all.Server',
    'must be one of None',
  ],
  [
    'an unknown permission level',
    {
      'a.toml': lines(
        '[[user_group]]',
        'name = "g"',
        'permissions = [',
        '  { target.type = "Server", target.id = "server-01", level = "Root" },',
        ']',
      ),
    },
    'a.toml:4:user_group[g].permissions.0.level',
    'must be one of',
  ],
  [
    'an unknown endpoint type',
    { 'a.toml': lines('[[alerter]]', 'name = "a"', '[alerter.config]', 'endpoint.type = "Pager"') },
    'a.toml:4:alerter[a].config.endpoint.type',
    'must be one of',
  ],
  [
    'an unknown schedule format',
    {
      'a.toml': lines(
        '[[procedure]]',
        'name = "p"',
        '[procedure.config]',
        'schedule_format = "Sometimes"',
      ),
    },
    'a.toml:4:procedure[p].config.schedule_format',
    'must be one of',
  ],
  // A domain rule, as a write checks it.
  [
    'a port mapping that is no mapping',
    { 'a.toml': deployment('d', 'ports = "abc"') },
    'a.toml:4:deployment[d].config.ports',
    'abc is not a port',
  ],
  [
    'a field and its alias both',
    { 'a.toml': deployment('d', 'server = "server-01"', 'server_id = "server-01"') },
    'a.toml:4:deployment[d].config.server',
    'not both',
  ],
  // Duplicates, across files and within one.
  [
    'a name in two files',
    { 'a.toml': deployment('web'), 'b.toml': lines('', deployment('web')) },
    'b.toml:3:deployment[web].name',
    'declared twice: here and at a.toml:2',
  ],
  [
    'variables differing in case',
    { 'a.toml': lines('[[variable]]', 'name = "TOKEN"', '[[variable]]', 'name = "token"') },
    'a.toml:4:variable[token].name',
    'at a.toml:2',
  ],
  [
    'a user group twice',
    {
      'a.toml': lines('[[user_group]]', 'name = "g"'),
      'b.toml': lines('[[user_group]]', 'name = "g"'),
    },
    'b.toml:2:user_group[g].name',
    'at a.toml:2',
  ],
  [
    '[[server]] and [[servers]] in one file',
    { 'a.toml': lines(server('a'), '[[servers]]', 'name = "b"') },
    'a.toml:4:servers',
    'not both',
  ],
  // References to nothing declared or existing.
  [
    'a deployment on no server',
    { 'a.toml': deployment('d', 'image.type = "Image"', 'server = "ghost"') },
    'a.toml:5:deployment[d].config.server_id',
    "names Server 'ghost'",
  ],
  [
    'a stack linked to no repo',
    { 'a.toml': lines('[[stack]]', 'name = "s"', '[stack.config]', 'linked_repo = "nope"') },
    'a.toml:4:stack[s].config.linked_repo',
    "names Repo 'nope'",
  ],
  [
    'a build on no builder',
    { 'a.toml': lines('[[build]]', 'name = "b"', '[build.config]', 'builder = "nope"') },
    'a.toml:4:build[b].config.builder_id',
    "names Builder 'nope'",
  ],
  [
    'a deployment of no build',
    { 'a.toml': deployment('d', 'image.type = "Build"', 'image.params.build = "nope"') },
    'a.toml:5:deployment[d].config.image.params.build_id',
    "names Build 'nope'",
  ],
  [
    'a procedure deploying nothing',
    {
      'a.toml': lines(
        '[[procedure]]',
        'name = "p"',
        '[[procedure.config.stage]]',
        'name = "one"',
        'executions = [',
        '  { execution.type = "Deploy", execution.params.deployment = "nope" },',
        ']',
      ),
    },
    'a.toml:6:procedure[p].config.stages.0.executions.0.execution.params.deployment',
    "names Deployment 'nope'",
  ],
  [
    'a builder on no server',
    {
      'a.toml': lines(
        '[[builder]]',
        'name = "b"',
        '[builder.config]',
        'type = "Server"',
        'params.servers = ["server-01", "ghost"]',
      ),
    },
    'a.toml:5:builder[b].config.params.server_ids.1',
    "names Server 'ghost'",
  ],
  [
    'an alerter on no deployment',
    {
      'a.toml': lines(
        '[[alerter]]',
        'name = "a"',
        '[alerter.config]',
        'resources = [',
        '  { type = "Deployment", id = "nope" },',
        ']',
      ),
    },
    'a.toml:5:alerter[a].config.resources.0.id',
    "names Deployment 'nope'",
  ],
  // `after` cycles, the whole cycle named.
  [
    'two deployments after each other',
    {
      'a.toml': lines('[[deployment]]', 'name = "a"', 'after = ["b"]'),
      'b.toml': lines('[[stack]]', 'name = "b"', 'after = ["a"]'),
    },
    'a.toml:3:deployment[a].after',
    'a -> b -> a',
  ],
  [
    'a deployment after itself',
    { 'a.toml': lines('[[deployment]]', 'name = "a"', 'after = ["a"]') },
    'a.toml:3:deployment[a].after',
    'a -> a',
  ],
  [
    'a cycle of three',
    {
      'a.toml': lines(
        '[[deployment]]',
        'name = "a"',
        'after = ["b"]',
        '[[deployment]]',
        'name = "b"',
        'after = ["c"]',
        '[[deployment]]',
        'name = "c"',
        'after = ["a"]',
      ),
    },
    'a.toml:3:deployment[a].after',
    'a -> b -> c -> a',
  ],
];

describe('readSyncFiles refuses broken files at file:line:field', () => {
  it.each(CASES)('%s', (_title, files, location, words) => {
    const { problems } = read(files);
    const errors = problems.filter((p) => p.severity === 'error');
    const found = errors.find((p) => `${p.file}:${p.line}:${p.field}` === location);
    expect({ location, found: found && formatProblem(found) }).toEqual({
      location,
      found: expect.stringContaining(`${location}: `),
    });
    expect(found?.message).toContain(words);
  });

  it('counts at least 30 broken file sets', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
  });

  it('reports each after cycle once, from any of its members', () => {
    const { problems } = read(CASES.find(([title]) => title === 'a cycle of three')![1]);
    expect(problems.filter((p) => p.message.includes('cycle'))).toHaveLength(1);
  });
});
