import { cyclePath, procedureCycles, type ProcedureNode } from './cycles';
import {
  describeExecution,
  KOMODO_EXECUTIONS,
  referencedResources,
  RUNNER_EXECUTIONS,
  withTargets,
} from './executions';
import type { ProcedureStage } from './procedure.config';
import { runnerParamProblem, type ParamProblem } from './runner-params';

const stage = (
  name: string,
  ...executions: [string, Record<string, unknown>][]
): ProcedureStage => ({
  name,
  enabled: true,
  executions: executions.map(([type, params], i) => ({
    execution: { type, params },
    enabled: i % 2 === 0, // disabled ones count as much as enabled ones
  })),
});
const procedure = (name: string, ...stages: ProcedureStage[]): ProcedureNode => ({
  id: `id-${name}`,
  name,
  config: { stages },
});
const runs = (name: string, target: string) =>
  procedure(name, stage('s', ['RunProcedure', { procedure: target }]));
const batch = (name: string, pattern: string) =>
  procedure(name, stage('s', ['BatchRunProcedure', { pattern }]));
/** A wildcard-only matcher: the executions library's is given in the gateway. */
const wildcard = (pattern: string, name: string) =>
  new RegExp(`^${pattern.replace(/\*/g, '.*')}$`).test(name);

describe('referencedResources', () => {
  it('given executions naming resources by their params, answers kind, target and path', () => {
    const config = {
      stages: [
        stage('prepare', ['None', {}], ['Sleep', { duration_ms: 10 }]),
        stage(
          'ship',
          ['Deploy', { deployment: 'web' }],
          ['RunBuild', { build: 'id-api' }],
          ['SendAlert', { alerters: ['ops', 'pager'], message: 'hi' }],
          ['BatchDeploy', { pattern: 'web-*' }],
          ['PruneImages', { server: 'host-1' }],
          ['RunProcedure', { procedure: 'nightly' }],
          ['RunSync', { sync: 'infra' }],
        ),
      ],
    };
    expect(
      referencedResources(config).map(({ kind, target, path }) => [kind, target, path]),
    ).toEqual([
      ['Deployment', 'web', 'stages[1].executions[0].execution.params.deployment'],
      ['Build', 'id-api', 'stages[1].executions[1].execution.params.build'],
      ['Alerter', 'ops', 'stages[1].executions[2].execution.params.alerters[0]'],
      ['Alerter', 'pager', 'stages[1].executions[2].execution.params.alerters[1]'],
      ['Server', 'host-1', 'stages[1].executions[4].execution.params.server'],
      ['Procedure', 'nightly', 'stages[1].executions[5].execution.params.procedure'],
      ['ResourceSync', 'infra', 'stages[1].executions[6].execution.params.sync'],
    ]);
  });

  it('given an empty target, names nothing (the params check refuses it)', () => {
    expect(referencedResources({ stages: [stage('s', ['Deploy', { deployment: '' }])] })).toEqual(
      [],
    );
  });

  it('describes an execution as a user counts, from 1', () => {
    const [reference] = referencedResources({
      stages: [stage('a'), stage('build', ['None', {}], ['RunBuild', { build: 'b' }])],
    });
    expect(describeExecution(reference)).toBe("stage 'build', execution 2");
  });
});

describe('withTargets', () => {
  it('when targets resolve to ids, replaces each named one, list items too, and keeps the rest', () => {
    const config = {
      stages: [
        stage(
          's',
          ['Deploy', { deployment: 'web', stop_time: 3 }],
          ['SendAlert', { alerters: ['ops'], message: 'm' }],
          ['Sleep', { duration_ms: 5 }],
        ),
      ],
      failure_alert: true,
    };
    const resolved = withTargets(config, (r) => `id-${r.target}`);
    expect(resolved.stages[0].executions.map((e) => e.execution.params)).toEqual([
      { deployment: 'id-web', stop_time: 3 },
      { alerters: ['id-ops'], message: 'm' },
      { duration_ms: 5 },
    ]);
    expect(resolved.stages[0].executions.map((e) => e.enabled)).toEqual([true, false, true]);
    expect(resolved.failure_alert).toBe(true);
    expect(config.stages[0].executions[0].execution.params.deployment).toBe('web');
  });
});

describe('procedureCycles', () => {
  it.each<[string, ProcedureNode[], string[]]>([
    ['none in a chain', [runs('a', 'b'), runs('b', 'c'), procedure('c')], []],
    ['a procedure running itself', [runs('a', 'id-a')], ['a → a']],
    ['two by name', [runs('a', 'b'), runs('b', 'a')], ['a → b → a']],
    [
      'three, by id and name',
      [runs('a', 'id-b'), runs('b', 'c'), runs('c', 'a')],
      ['a → b → c → a'],
    ],
    [
      'a batch whose pattern matches itself',
      [batch('deploy-all', 'deploy-*')],
      ['deploy-all → deploy-all'],
    ],
    [
      'a batch reaching back through another',
      [batch('nightly', 'step-*'), runs('step-1', 'nightly'), procedure('other')],
      ['nightly → step-1 → nightly'],
    ],
    ['a reference to a procedure not there', [runs('a', 'ghost')], []],
    [
      'a cycle below an acyclic entry',
      [runs('entry', 'x'), runs('x', 'y'), runs('y', 'x')],
      ['x → y → x'],
    ],
  ])('given %s, answers its path', (_given, procedures, expected) => {
    expect(procedureCycles(procedures, wildcard).map(cyclePath)).toEqual(expected);
  });

  it('given a deep chain closing on its start, finds it at any depth', () => {
    const names = Array.from({ length: 20_000 }, (_, i) => `p${i}`);
    const chain = names.map((name, i) => runs(name, names[(i + 1) % names.length]));
    const [cycle] = procedureCycles(chain, wildcard);
    expect([cycle.length, cycle[0], cycle.at(-1)]).toEqual([20_001, 'p0', 'p0']);
  });
});

describe('the execution lists', () => {
  it('holds every execution the runner adds among Komodo’s, with no repeats', () => {
    expect(RUNNER_EXECUTIONS.filter((t) => !KOMODO_EXECUTIONS.includes(t))).toEqual([]);
    expect(new Set(KOMODO_EXECUTIONS).size).toBe(KOMODO_EXECUTIONS.length);
  });
});

describe('runnerParamProblem', () => {
  it.each<[string, Record<string, unknown>, ParamProblem | undefined]>([
    ['None', {}, undefined],
    ['None', { x: 1 }, { param: 'x', message: 'is not a param of None' }],
    ['Sleep', { duration_ms: 500 }, undefined],
    ['Sleep', {}, undefined],
    [
      'Sleep',
      { duration_ms: -1 },
      { param: 'duration_ms', message: expect.stringMatching(/0 or more/) },
    ],
    [
      'Sleep',
      { duration_ms: '5' },
      { param: 'duration_ms', message: expect.stringMatching(/whole number/) },
    ],
    ['RunProcedure', { procedure: 'nightly' }, undefined],
    [
      'RunProcedure',
      { procedure: ' ' },
      { param: 'procedure', message: 'must be a non-empty string' },
    ],
    ['BatchRunProcedure', { pattern: 'a-*' }, undefined],
    [
      'BatchRunProcedure',
      { pattern: 'a-*', tags: ['x'] },
      { param: 'tags', message: 'is not a param of BatchRunProcedure' },
    ],
    ['RunAction', { action: 'a', args: { n: 1 } }, undefined],
    ['RunAction', { action: 'a', args: 'n=1' }, { param: 'args', message: 'must be an object' }],
    ['BatchRunAction', {}, { param: 'pattern', message: 'is required' }],
  ])('given %s with %j, answers %j', (type, params, expected) => {
    expect(runnerParamProblem(type, params)).toEqual(expected);
  });
});
