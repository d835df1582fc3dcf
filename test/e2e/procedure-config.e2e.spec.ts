import { startEmbedded, type EmbeddedMonitor } from '../support/embedded';

type Execution = [type: string, params: Record<string, unknown>];
interface Answered {
  _id: { $oid: string };
  name: string;
  config: { stages: { name: string; executions: { execution: { params: object } }[] }[] };
}

const stages = (...named: [string, ...Execution[]][]) =>
  named.map(([name, ...executions]) => ({
    name,
    enabled: true,
    executions: executions.map(([type, params], i) => ({
      execution: { type, params },
      enabled: i === 0, // a disabled execution is checked as much as an enabled one
    })),
  }));

/** [what is wrong, the stages, pieces of the 400's message]. */
const BAD_STAGES: [string, ReturnType<typeof stages>, string[]][] = [
  [
    'an unknown type',
    stages(['build', ['None', {}], ['Deploi', { deployment: 'web' }]]),
    [
      "stage 'build', execution 2",
      'stages[0].executions[1].execution.type',
      "'Deploi' is not an execution",
    ],
  ],
  [
    'a Komodo type Monitor lacks',
    stages(['swarm', ['RemoveSwarmNodes', { swarm: 'infra', nodes: ['n1'] }]]),
    ["stage 'swarm', execution 1", "Monitor does not run 'RemoveSwarmNodes' yet"],
  ],
  [
    'a param of the wrong type',
    stages(['ship', ['None', {}], ['Deploy', { deployment: 7 }]]),
    ["stage 'ship', execution 2", 'stages[0].executions[1].execution.params.deployment'],
  ],
  [
    'an unknown param',
    stages(['ship', ['Deploy', { deployment: 'web', colour: 'red' }]]),
    ["stage 'ship', execution 1", 'colour'],
  ],
  [
    'a negative Sleep',
    stages(['wait', ['Sleep', { duration_ms: -5 }]]),
    ['stages[0].executions[0].execution.params.duration_ms', '0 or more'],
  ],
  [
    'a missing resource',
    stages(['a'], ['ship', ['None', {}], ['Deploy', { deployment: 'no-such-web' }]]),
    [
      "stage 'ship', execution 2",
      'stages[1].executions[1].execution.params.deployment',
      "no Deployment 'no-such-web'",
    ],
  ],
  [
    'a pattern RE2 refuses',
    stages(['all', ['BatchDeploy', { pattern: '\\(a)\\1\\' }]]),
    ['stages[0].executions[0].execution.params.pattern'],
  ],
];

describe('Procedure configs are checked whole on write', () => {
  let monitor: EmbeddedMonitor;
  const write = <T = Answered>(request: string, params: object) =>
    monitor.admin.write<T>(request, params);
  const refused = async (request: string, params: object, status: number) => {
    const before = await monitor.runtime.store.headPosition();
    const answer = await monitor.admin.call<{ error: string }>('write', request, params);
    expect(answer.status).toBe(status);
    expect(await monitor.runtime.store.headPosition()).toBe(before);
    return answer.body.error;
  };

  beforeAll(async () => {
    monitor = await startEmbedded();
    await write('CreateDeployment', { name: 'web' });
    await write('CreateProcedure', { name: 'step' });
  });
  afterAll(() => monitor.destroy());

  it.each(BAD_STAGES)(
    'CreateProcedure with %s: 400 naming it, nothing stored',
    async (_w, s, parts) => {
      const error = await refused('CreateProcedure', { name: 'bad', config: { stages: s } }, 400);
      for (const part of parts) expect(error).toContain(part);
    },
  );

  it.each(BAD_STAGES)('UpdateProcedure with %s: 400, nothing stored', async (_w, s, parts) => {
    const error = await refused('UpdateProcedure', { id: 'step', config: { stages: s } }, 400);
    expect(error).toContain(parts.at(-1));
  });

  it('stores what executions name by id, so a rename keeps the procedure working', async () => {
    const web = await monitor.admin.read<Answered>('GetDeployment', { deployment: 'web' });
    const created = await write('CreateProcedure', {
      name: 'release',
      config: {
        stages: stages(
          ['ship', ['Deploy', { deployment: 'web' }], ['BatchDeploy', { pattern: 'web*' }]],
          ['after', ['Sleep', { duration_ms: 10 }], ['RunProcedure', { procedure: 'step' }]],
        ),
      },
    });
    const step = await monitor.admin.read<Answered>('GetProcedure', { procedure: 'step' });
    expect(created.config.stages.map((s) => s.executions.map((e) => e.execution.params))).toEqual([
      [{ deployment: web._id.$oid }, { pattern: 'web*' }],
      [{ duration_ms: 10 }, { procedure: step._id.$oid }],
    ]);
    await write('RenameDeployment', { id: 'web', name: 'web-2' });
    expect(await refused('DeleteDeployment', { id: 'web-2' }, 409)).toContain(
      "Procedure 'release' runs Deployment 'web-2' (stage 'ship', execution 1: Deploy)",
    );
    await write('RenameDeployment', { id: 'web-2', name: 'web' });
  });

  it('refuses a cycle of three procedures at any depth, naming its path', async () => {
    await write('CreateProcedure', { name: 'c' });
    await write('CreateProcedure', {
      name: 'b',
      config: { stages: stages(['go', ['RunProcedure', { procedure: 'c' }]]) },
    });
    await write('CreateProcedure', {
      name: 'a',
      config: { stages: stages(['go', ['RunProcedure', { procedure: 'b' }]]) },
    });
    const error = await refused(
      'UpdateProcedure',
      {
        id: 'c',
        config: { stages: stages(['close', ['None', {}], ['RunProcedure', { procedure: 'a' }]]) },
      },
      400,
    );
    expect(error).toContain("stage 'close', execution 2");
    expect(error).toContain('c → a → b → c');
  });

  it('refuses a batch whose pattern matches the procedure itself', async () => {
    const error = await refused(
      'CreateProcedure',
      {
        name: 'run-all',
        config: { stages: stages(['all', ['BatchRunProcedure', { pattern: 'run-*' }]]) },
      },
      400,
    );
    expect(error).toContain('run-all → run-all');
  });

  it('refuses deleting a resource a procedure names, naming the procedure and the stage', async () => {
    await write('CreateDeployment', { name: 'api' });
    await write('CreateProcedure', {
      name: 'deploy-api',
      config: {
        stages: stages(['first'], ['ship', ['None', {}], ['Deploy', { deployment: 'api' }]]),
      },
    });
    const error = await refused('DeleteDeployment', { id: 'api' }, 409);
    expect(error).toContain("Procedure 'deploy-api'");
    expect(error).toContain("stage 'ship', execution 2");
    expect(await refused('DeleteProcedure', { id: 'c' }, 409)).toContain("Procedure 'b'");

    await write('UpdateProcedure', { id: 'deploy-api', config: { stages: [] } });
    await write('DeleteDeployment', { id: 'api' });
    expect(
      (await monitor.admin.read<Answered[]>('ListDeployments')).map((d) => d.name),
    ).not.toContain('api');
  });
});
