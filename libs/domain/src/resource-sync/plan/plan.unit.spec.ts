import { RESOURCE_KINDS } from '../../kinds';
import { declared, existing, planOf, sealed, summary, SYNC_ID } from './plan.fixtures';
import { isEmptyPlan } from './plan';
import { defaultHetznerServerTemplateConfig } from '../../server-template/server-template.config';

describe('planSync: resources', () => {
  it.each(RESOURCE_KINDS.filter((k) => k !== 'ResourceSync'))(
    'given nothing of kind %s, when a file declares one, then it is created with its set fields',
    (kind) => {
      const plan = planOf({
        declared: { resources: [declared(kind, 'one', {}, { description: 'first' })] },
      });
      expect(summary(plan)).toEqual([`Create ${kind}:one`]);
      expect(plan.resources[0].fields).toEqual([
        { path: 'description', current: null, proposed: 'first' },
      ]);
      expect(plan.resources[0].configPatch).toEqual(plan.resources[0].proposed?.config);
    },
  );

  it.each(RESOURCE_KINDS.filter((k) => k !== 'ResourceSync'))(
    'given a %s that exists, when the file changes its description, then one Update with that field',
    (kind) => {
      const plan = planOf({
        resources: [existing(kind, 'one', {}, { description: 'old' })],
        declared: { resources: [declared(kind, 'one', {}, { description: 'new' })] },
      });
      expect(summary(plan)).toEqual([`Update ${kind}:one`]);
      expect(plan.resources[0]).toMatchObject({
        id: `${kind.toLowerCase()}-one`,
        fields: [{ path: 'description', current: 'old', proposed: 'new' }],
        configPatch: {},
        metaPatch: { description: 'new' },
      });
    },
  );

  it.each(RESOURCE_KINDS.filter((k) => k !== 'ResourceSync'))(
    'given a %s in scope that the files no longer declare, when delete is on, then it is deleted',
    (kind) => {
      const others = [declared('Server', 'kept'), declared('Alerter', 'kept')];
      const plan = planOf({
        resources: [
          existing(kind, 'gone'),
          ...['a', 'b', 'c', 'd'].map((n) => existing('Action', `x${n}`)),
        ],
        declared: {
          resources: [...others, ...['a', 'b', 'c', 'd'].map((n) => declared('Action', `x${n}`))],
        },
      });
      expect(summary(plan)).toEqual([
        'Create Server:kept',
        'Create Alerter:kept',
        `Delete ${kind}:gone`,
      ]);
    },
  );

  it('given a deployment, when only its image changes, then the field path is under config and the patch holds the key', () => {
    const plan = planOf({
      resources: [
        existing('Deployment', 'web', { image: { type: 'Image', params: { image: 'nginx:1' } } }),
      ],
      declared: {
        resources: [
          declared('Deployment', 'web', { image: { type: 'Image', params: { image: 'nginx:2' } } }),
        ],
      },
    });
    expect(plan.resources[0].fields).toEqual([
      { path: 'config.image.params.image', current: 'nginx:1', proposed: 'nginx:2' },
    ]);
    expect(plan.resources[0].configPatch).toEqual({
      image: { type: 'Image', params: { image: 'nginx:2' } },
    });
  });

  it('given a stored config, when the file omits keys, then they mean the defaults (a change back to default shows)', () => {
    const plan = planOf({
      resources: [existing('Stack', 'app', { auto_pull: false, project_name: 'p' })],
      declared: { resources: [declared('Stack', 'app', { project_name: 'p' })] },
    });
    expect(plan.resources[0].fields).toEqual([
      { path: 'config.auto_pull', current: false, proposed: true },
    ]);
  });

  it('given texts of lines stored with their final newline, when the file gives them without it or as table lists, then nothing changes', () => {
    const stored = {
      environment: '  A = 1\n  B = 2\n',
      labels: '  team: web\n',
      ports: '  8080: 80\n',
      volumes: '/data:/data\n',
    };
    const plan = planOf({
      resources: [existing('Deployment', 'a', stored), existing('Deployment', 'b', stored)],
      declared: {
        resources: [
          declared('Deployment', 'a', {
            environment: '  A = 1\n  B = 2',
            labels: '  team: web',
            ports: '  8080: 80',
            volumes: '/data:/data',
          }),
          declared('Deployment', 'b', {
            environment: [
              { variable: 'A', value: '1' },
              { variable: 'B', value: '2' },
            ],
            labels: [{ variable: 'team', value: 'web' }],
            ports: [{ local: '8080', container: '80' }],
            volumes: '/data:/data\n',
          }),
        ],
      },
    });
    expect(isEmptyPlan(plan)).toBe(true);
  });

  it('given an env text, when one line changes, then the field shows both texts in their stored form', () => {
    const plan = planOf({
      resources: [existing('Stack', 's', { environment: 'A=1\n' })],
      declared: { resources: [declared('Stack', 's', { environment: 'A=2' })] },
    });
    expect(plan.resources[0].fields).toEqual([
      { path: 'config.environment', current: 'A=1\n', proposed: 'A=2\n' },
    ]);
  });

  it('given references stored as ids, when the file names them by name or by id, then nothing changes', () => {
    const server = existing('Server', 'prod');
    const plan = planOf({
      resources: [
        server,
        existing('Deployment', 'a', { server_id: server.id }),
        existing('Deployment', 'b', { server_id: server.id }),
      ],
      declared: {
        resources: [
          declared('Server', 'prod'),
          declared('Deployment', 'a', { server_id: 'prod' }),
          declared('Deployment', 'b', { server_id: server.id }),
        ],
      },
    });
    expect(summary(plan)).toEqual([]);
  });

  it('given a moved reference, when planning, then the field shows names on both sides', () => {
    const one = existing('Server', 'one');
    const plan = planOf({
      resources: [
        one,
        existing('Server', 'two'),
        existing('Deployment', 'a', { server_id: one.id }),
      ],
      declared: {
        resources: [
          declared('Server', 'one'),
          declared('Server', 'two'),
          declared('Deployment', 'a', { server_id: 'two' }),
        ],
      },
    });
    expect(plan.resources[0].fields).toEqual([
      { path: 'config.server_id', current: 'one', proposed: 'two' },
    ]);
  });

  it('given tags stored as ids, when the file names them in another order, then nothing changes', () => {
    const plan = planOf({
      tags: [
        { id: 't1', name: 'prod' },
        { id: 't2', name: 'web' },
      ],
      resources: [existing('Server', 's', {}, { tags: ['t1', 't2'] })],
      declared: { resources: [declared('Server', 's', {}, { tags: ['web', 'prod'] })] },
    });
    expect(isEmptyPlan(plan)).toBe(true);
  });

  it('given a stored secret, when the file omits it, then it is kept; when the file gives the same, nothing; another, a masked change', () => {
    const servers = ['keep', 'same', 'other'].map((n) =>
      existing('Server', n, { passkey: sealed('s3cret') }),
    );
    const plan = planOf({
      resources: servers,
      declared: {
        resources: [
          declared('Server', 'keep'),
          declared('Server', 'same', { passkey: 's3cret' }),
          declared('Server', 'other', { passkey: 'n3w' }),
        ],
      },
    });
    expect(summary(plan)).toEqual(['Update Server:other']);
    expect(plan.resources[0].fields).toEqual([
      { path: 'config.passkey', current: '*****', proposed: '*****' },
    ]);
    expect(JSON.stringify(plan.resources[0].fields)).not.toContain('n3w');
  });

  it('given a Build with a version, when the file omits version, then the version stays', () => {
    const version = { major: 1, minor: 4, patch: 2 };
    const plan = planOf({
      resources: [existing('Build', 'b', { version })],
      declared: { resources: [declared('Build', 'b')] },
    });
    expect(isEmptyPlan(plan)).toBe(true);
  });

  it('given match_tags, when planning, then only resources carrying every tag are in scope (declared and existing)', () => {
    const tags = [
      { id: 't1', name: 'prod' },
      { id: 't2', name: 'eu' },
    ];
    const plan = planOf({
      tags,
      config: { match_tags: ['prod', 'eu'] },
      resources: [
        existing('Server', 'in-old', {}, { tags: ['t1', 't2'] }),
        existing('Server', 'out-old', {}, { tags: ['t1'] }),
        ...['a', 'b', 'c', 'd'].map((n) => existing('Action', n, {}, { tags: ['t1', 't2'] })),
      ],
      declared: {
        resources: [
          declared('Server', 'in-new', {}, { tags: ['prod', 'eu'] }),
          declared('Server', 'out-new', {}, { tags: ['prod'] }),
          ...['a', 'b', 'c', 'd'].map((n) => declared('Action', n, {}, { tags: ['prod', 'eu'] })),
        ],
      },
    });
    expect(summary(plan)).toEqual(['Create Server:in-new', 'Delete Server:in-old']);
    expect(plan.guard.scope).toBe(5);
  });

  it('given delete off, when a resource is no longer declared, then it stays', () => {
    const plan = planOf({
      config: { delete: false },
      resources: [existing('Server', 'old')],
      declared: { resources: [declared('Server', 'new')] },
    });
    expect(summary(plan)).toEqual(['Create Server:new']);
  });

  it('given delete off but the sync managed, when a resource is no longer declared, then it is deleted (as Komodo)', () => {
    const plan = planOf({
      config: { delete: false, managed: true },
      resources: [existing('Server', 'old')],
      declared: { resources: [declared('Server', 'new')] },
    });
    expect(summary(plan)).toEqual(['Create Server:new', 'Delete Server:old']);
  });

  it('given the sync itself and a sync managed in the UI, when neither is declared, then neither is deleted', () => {
    const plan = planOf({
      resources: [
        existing('ResourceSync', 'self', { repo: 'a/b' }, { id: SYNC_ID }),
        existing('ResourceSync', 'ui', { file_contents: '[[server]]' }),
        existing('ResourceSync', 'git', { repo: 'a/c' }),
        ...['a', 'b', 'c', 'd'].map((n) => existing('Server', n)),
      ],
      declared: { resources: ['a', 'b', 'c', 'd'].map((n) => declared('Server', n)) },
    });
    expect(summary(plan)).toEqual(['Delete ResourceSync:git']);
  });

  it('given RunSync picks a kind and names, when planning, then only those are planned', () => {
    const plan = planOf({
      resources: [
        existing('Server', 'a', {}, { description: 'x' }),
        existing('Server', 'b', {}, { description: 'x' }),
      ],
      declared: {
        resources: [declared('Server', 'a'), declared('Server', 'b'), declared('Alerter', 'c')],
      },
      more: { only: { kind: 'Server', resources: ['server-b'] } },
    });
    expect(summary(plan)).toEqual(['Update Server:b']);
  });

  it('given include_resources off, when the files declare resources, then none is planned', () => {
    const plan = planOf({
      config: { include_resources: false },
      resources: [existing('Server', 'old')],
      declared: { resources: [declared('Server', 'new')] },
    });
    expect(isEmptyPlan(plan)).toBe(true);
  });

  it("given a Builder or ServerTemplate of another variant, when planned, then its params are that variant's, nothing of the default one", () => {
    const server = existing('Server', 'prod');
    const plan = planOf({
      resources: [server],
      declared: {
        resources: [
          declared('Server', 'prod'),
          declared('Builder', 'b', { type: 'Server', params: { server_ids: ['prod'] } }),
          declared('ServerTemplate', 't', { type: 'Hetzner', params: { image: 'debian-12' } }),
        ],
      },
    });
    const [builder, template] = plan.resources;
    expect(builder.configPatch).toEqual({ type: 'Server', params: { server_ids: ['prod'] } });
    expect(Object.keys(template.configPatch.params as object)).toEqual(
      Object.keys(defaultHetznerServerTemplateConfig()),
    );
    expect(template.configPatch.params).toMatchObject({ image: 'debian-12' });
  });

  it('given an Alerter whose targets are stored by id, when the file names them by name, then nothing changes', () => {
    const server = existing('Server', 'prod');
    const stack = existing('Stack', 'app');
    const plan = planOf({
      resources: [
        server,
        stack,
        existing('Alerter', 'a', {
          resources: [{ type: 'Server', id: server.id }],
          except_resources: [{ type: 'Stack', id: stack.id }],
        }),
      ],
      declared: {
        resources: [
          declared('Server', 'prod'),
          declared('Stack', 'app'),
          declared('Alerter', 'a', {
            resources: [{ type: 'Server', id: 'prod' }],
            except_resources: [{ type: 'Stack', id: 'app' }],
          }),
        ],
      },
    });
    expect(summary(plan)).toEqual([]);
  });

  it('given a declared deployment naming a server the files no longer declare, when planned, then the delete stands and a warning points at the reference', () => {
    const old = existing('Server', 'old');
    const plan = planOf({
      resources: [old, existing('Deployment', 'web', { server_id: old.id })],
      declared: {
        resources: [
          declared(
            'Deployment',
            'web',
            { server_id: 'old' },
            { source: { file: 'apps.toml', line: 4 }, lines: { 'config.server_id': 7 } },
          ),
        ],
      },
    });
    expect(summary(plan)).toEqual(['Delete Server:old']);
    expect(plan.warnings).toEqual([
      {
        file: 'apps.toml',
        line: 7,
        field: 'deployment[web].config.server_id',
        severity: 'warning',
        message:
          "names Server 'old', which this sync deletes (no file declares it): declare it, or the reference is left dangling",
      },
    ]);
  });
});
