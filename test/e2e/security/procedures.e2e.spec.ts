import type { ApiClient } from '../../support/api';
import { startEmbedded, type EmbeddedMonitor } from '../../support/embedded';
import { enabledUser, grant } from '../../support/security';

interface Named {
  _id: { $oid: string };
  name: string;
  config: { stages: { executions: { execution: { params: object } }[] }[] };
}

const run = (stage: string, type: string, params: object) => [
  {
    name: stage,
    enabled: true,
    executions: [
      { execution: { type: 'None', params: {} }, enabled: true },
      { execution: { type, params }, enabled: false },
    ],
  },
];

/** [what is wrong, the stages, the status, a piece of the error naming it]. */
const BAD_INPUT: [string, object[], number, string][] = [
  [
    'an unknown type',
    run('build', 'Deploi', { deployment: 'shared' }),
    400,
    "stage 'build', execution 2: 'Deploi' is not an execution",
  ],
  [
    'a Komodo type Monitor lacks',
    run('swarm', 'RemoveSwarmNodes', { swarm: 'infra', nodes: ['n1'] }),
    400,
    "Monitor does not run 'RemoveSwarmNodes' yet",
  ],
  [
    'bad params',
    run('ship', 'Deploy', { deployment: 'shared', stop_signal: 42 }),
    400,
    'stages[0].executions[1].execution.params.stop_signal',
  ],
  [
    'a missing resource',
    run('ship', 'Deploy', { deployment: 'nowhere' }),
    400,
    "no Deployment 'nowhere' exists (stages[0].executions[1].execution.params.deployment)",
  ],
  [
    'a hidden resource by name',
    run('ship', 'Deploy', { deployment: 'hidden' }),
    400,
    "no Deployment 'hidden' exists",
  ],
  [
    'a hidden procedure',
    run('nest', 'RunProcedure', { procedure: 'admin-only' }),
    400,
    "no Procedure 'admin-only' exists",
  ],
  [
    'a resource read but not executed',
    run('ship', 'Deploy', { deployment: 'visible' }),
    403,
    "needs Execute on Deployment 'visible' (you have Read;",
  ],
  [
    'a batch, which picks what nobody checked',
    run('all', 'BatchDeploy', { pattern: '*' }),
    403,
    'only admins may put a Batch execution (BatchDeploy)',
  ],
];

describe('security: Procedures name only what their writer may run', () => {
  let monitor: EmbeddedMonitor;
  let admin: ApiClient;
  let user: ApiClient;
  let userId: string;
  const ids: Record<string, string> = {};

  const refused = async (client: ApiClient, request: string, params: object, status: number) => {
    const before = await monitor.runtime.store.headPosition();
    const answer = await client.call<{ error: string }>('write', request, params);
    expect(answer.status).toBe(status);
    expect(await monitor.runtime.store.headPosition()).toBe(before);
    return answer.body.error;
  };

  beforeAll(async () => {
    monitor = await startEmbedded({ MONITOR_AUTH_ALLOW_SIGNUPS: 'true' });
    admin = monitor.admin;
    user = (await enabledUser(monitor, 'operator')).client;
    userId = (await admin.read<{ _id: { $oid: string } }>('FindUser', { user: 'operator' }))._id
      .$oid;
    for (const name of ['shared', 'visible', 'hidden'])
      ids[name] = (await admin.write<Named>('CreateDeployment', { name }))._id.$oid;
    await admin.write('CreateProcedure', { name: 'admin-only' });
    await grant(admin, userId, { type: 'Deployment', id: ids.shared }, 'Execute');
    await grant(admin, userId, { type: 'Deployment', id: ids.visible }, 'Read');
    await user.write('CreateProcedure', { name: 'mine' });
  });
  afterAll(() => monitor.destroy());

  it.each(BAD_INPUT)(
    'UpdateProcedure with %s: refused naming it, nothing stored',
    async (_w, stages, status, part) => {
      const error = await refused(
        user,
        'UpdateProcedure',
        { id: 'mine', config: { stages } },
        status,
      );
      expect(error).toContain(part);
    },
  );

  it('Komodo’s aliases (stage, execution) are checked as the stages they stand for', async () => {
    const [{ name, executions }] = run('ship', 'Deploy', { deployment: 'hidden' });
    const stage = [{ name, execution: executions }];
    const error = await refused(user, 'UpdateProcedure', { id: 'mine', config: { stage } }, 400);
    expect(error).toContain("no Deployment 'hidden' exists");
  });

  it('a hidden resource answers as a missing one, by name or by id: its existence is not told', async () => {
    const errorFor = (deployment: string) =>
      refused(
        user,
        'CreateProcedure',
        { name: 'probe', config: { stages: run('s', 'Deploy', { deployment }) } },
        400,
      );
    const hidden = await errorFor(ids.hidden);
    const missing = await errorFor('0'.repeat(24));
    expect(hidden.replace(ids.hidden, 'X')).toBe(missing.replace('0'.repeat(24), 'X'));
  });

  it('a three-procedure cycle through the user’s own procedures: 400 naming its path', async () => {
    await user.write('CreateProcedure', { name: 'p3' });
    await user.write('CreateProcedure', {
      name: 'p2',
      config: { stages: run('s', 'RunProcedure', { procedure: 'p3' }) },
    });
    await user.write('CreateProcedure', {
      name: 'p1',
      config: { stages: run('s', 'RunProcedure', { procedure: 'p2' }) },
    });
    const error = await refused(
      user,
      'UpdateProcedure',
      { id: 'p3', config: { stages: run('back', 'RunProcedure', { procedure: 'p1' }) } },
      400,
    );
    expect(error).toContain(
      "stage 'back', execution 2: procedures would run each other in a cycle: p3 → p1 → p2 → p3",
    );
  });

  it('deleting what a procedure the deleter cannot read names is refused without naming it', async () => {
    await admin.write('CreateDeployment', { name: 'owned' });
    const owned = await admin.read<Named>('GetDeployment', { deployment: 'owned' });
    await grant(admin, userId, { type: 'Deployment', id: owned._id.$oid }, 'Write');
    await admin.write('UpdateProcedure', {
      id: 'admin-only',
      config: { stages: run('s', 'Deploy', { deployment: 'owned' }) },
    });
    const error = await refused(user, 'DeleteDeployment', { id: 'owned' }, 409);
    expect(error).toBe(
      "a Procedure you cannot read runs Deployment 'owned': remove it from the procedure first",
    );
    expect(await refused(admin, 'DeleteDeployment', { id: 'owned' }, 409)).toContain(
      "Procedure 'admin-only'",
    );
  });

  it('the legitimate write works: a resource the user may Execute, stored by its id', async () => {
    const written = await user.write<Named>('UpdateProcedure', {
      id: 'mine',
      config: { stages: run('ship', 'Deploy', { deployment: 'shared' }) },
    });
    expect(written.config.stages[0].executions[1].execution.params).toEqual({
      deployment: ids.shared,
    });
  });
});
