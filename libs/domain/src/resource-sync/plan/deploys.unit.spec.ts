import type { DeclaredResource } from '../declared';
import { declared, existing, planOf } from './plan.fixtures';

const image = (name: string) => ({ type: 'Image', params: { image: name } });
const deploying = (kind: 'Deployment' | 'Stack', name: string, config = {}, after: string[] = []) =>
  declared(kind, name, config, { deploy: true, after });

describe('deployTargets', () => {
  it('given a deploy = true deployment the sync creates, then it deploys on creation', () => {
    const plan = planOf({
      declared: { resources: [deploying('Deployment', 'web', { image: image('a') })] },
    });
    expect(plan.deploys).toEqual([
      { target: { type: 'Deployment', id: 'web' }, reason: 'deploy on creation', after: [] },
    ]);
  });

  it('given running deployments, when one changes its image and another only send_alerts, then only the first deploys', () => {
    const plan = planOf({
      resources: [
        existing('Deployment', 'changed', { image: image('a:1') }),
        existing('Deployment', 'alerts', { image: image('a:1') }),
        existing('Deployment', 'same', { image: image('a:1') }),
      ],
      declared: {
        resources: [
          deploying('Deployment', 'changed', { image: image('a:2') }),
          deploying('Deployment', 'alerts', { image: image('a:1'), send_alerts: false }),
          deploying('Deployment', 'same', { image: image('a:1') }),
        ],
      },
      more: { containerState: () => 'running' },
    });
    expect(plan.deploys.map((d) => [d.target.id, d.reason])).toEqual([
      ['changed', 'deployment config has changed'],
    ]);
  });

  it('given an unchanged deployment, when its container is exited, then it deploys; when unknown, never, even if changed', () => {
    const plan = planOf({
      resources: [existing('Deployment', 'exited'), existing('Deployment', 'unknown')],
      declared: {
        resources: [
          deploying('Deployment', 'exited'),
          deploying('Deployment', 'unknown', { image: image('b') }),
        ],
      },
      more: { containerState: (_kind, id) => id.replace('deployment-', '') },
    });
    expect(plan.deploys.map((d) => [d.target.id, d.reason])).toEqual([
      ['exited', 'deployment has exited state'],
    ]);
  });

  it('given a stack whose compose file changed on its host, then it deploys with that file named', () => {
    const plan = planOf({
      resources: [existing('Stack', 'app')],
      declared: { resources: [deploying('Stack', 'app')] },
      more: { changedComposeFile: () => 'compose.yaml' },
    });
    expect(plan.deploys[0]).toMatchObject({
      reason: 'File contents for compose.yaml have changed',
    });
  });

  it('given an after chain across kinds and servers, when the first changes, then each deploys after the one before, in rounds', () => {
    const resources = ['db', 'api', 'web'].map((n) =>
      existing('Deployment', n, { image: image('x:1') }),
    );
    const chain: DeclaredResource[] = [
      deploying('Stack', 'edge', {}, ['web']),
      deploying('Deployment', 'web', { image: image('x:1') }, ['api']),
      deploying('Deployment', 'api', { image: image('x:1') }, ['db', 'nothing-named-so']),
      deploying('Deployment', 'db', { image: image('x:2') }),
    ];
    const plan = planOf({
      resources: [...resources, existing('Stack', 'edge')],
      declared: { resources: chain },
    });
    expect(plan.deploys).toEqual([
      {
        target: { type: 'Deployment', id: 'db' },
        reason: 'deployment config has changed',
        after: [],
      },
      {
        target: { type: 'Deployment', id: 'api' },
        reason: "Deployment parent dependency 'db' is deploying",
        after: [{ type: 'Deployment', id: 'db' }],
      },
      {
        target: { type: 'Deployment', id: 'web' },
        reason: "Deployment parent dependency 'api' is deploying",
        after: [{ type: 'Deployment', id: 'api' }],
      },
      {
        target: { type: 'Stack', id: 'edge' },
        reason: "Deployment parent dependency 'web' is deploying",
        after: [{ type: 'Deployment', id: 'web' }],
      },
    ]);
  });

  it('given an after whose parent does not deploy, then `after` keeps only the parents that do; a deploy = false child never deploys', () => {
    const plan = planOf({
      resources: ['a', 'b', 'c', 'd'].map((n) => existing('Deployment', n)),
      declared: {
        resources: [
          deploying('Deployment', 'a', { command: 'changed' }),
          deploying('Deployment', 'b'),
          deploying('Deployment', 'c', {}, ['a', 'b']),
          declared('Deployment', 'd', {}, { after: ['a'] }),
        ],
      },
    });
    expect(plan.deploys.map((d) => [d.target.id, d.after.map((t) => t.id)])).toEqual([
      ['a', []],
      ['c', ['a']],
    ]);
  });
});
