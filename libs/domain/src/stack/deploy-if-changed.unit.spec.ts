import type { StackFileDependency } from '../resources/configs';
import { planDeployIfChanged, type StackHashes } from './deploy-if-changed';

const file = (
  path: string,
  requires: StackFileDependency['requires'],
  services: string[] = [],
): StackFileDependency => ({ path, requires, services });

const deployed: StackHashes = {
  contents_hash: 'compose-1',
  config_hashes: { 'nginx.conf': 'n1', 'app.ini': 'a1', 'notes.md': 'm1' },
};
const FILES = [
  file('nginx.conf', 'Restart', ['proxy']),
  file('app.ini', 'Redeploy', ['api', 'worker']),
  file('notes.md', 'None'),
];
const now = (config_hashes: Record<string, string>, contents_hash = 'compose-1') => ({
  contents_hash,
  config_hashes: { ...deployed.config_hashes, ...config_hashes },
});

describe('planDeployIfChanged', () => {
  it('deploys a stack never deployed, or whose compose files or environment changed', () => {
    expect(planDeployIfChanged(undefined, now({}), FILES)).toEqual({
      kind: 'deploy',
      reason: 'never deployed',
    });
    expect(planDeployIfChanged(deployed, now({ 'nginx.conf': 'n2' }, 'compose-2'), FILES)).toEqual({
      kind: 'deploy',
      reason: 'files changed',
    });
  });

  it('does nothing when nothing changed', () => {
    expect(planDeployIfChanged(deployed, now({}), FILES)).toEqual({ kind: 'nothing' });
  });

  it('restarts or recreates the services of the config files that changed, as each requires', () => {
    expect(planDeployIfChanged(deployed, now({ 'nginx.conf': 'n2' }), FILES)).toEqual({
      kind: 'config',
      changed: ['nginx.conf'],
      redeploy: [],
      restart: ['proxy'],
    });
    expect(
      // shared.env is new since the deploy: it counts as changed.
      planDeployIfChanged(
        deployed,
        now({ 'nginx.conf': 'n2', 'app.ini': 'a2', 'shared.env': 's1' }),
        [...FILES, file('shared.env', 'Restart', ['api'])],
      ),
    ).toEqual({
      kind: 'config',
      changed: ['nginx.conf', 'app.ini', 'shared.env'],
      redeploy: ['api', 'worker'],
      restart: ['proxy'],
    });
  });

  it('acts on every service for a file naming none, and on none for requires None', () => {
    expect(
      planDeployIfChanged(deployed, now({ 'app.ini': 'a2' }), [file('app.ini', 'Redeploy')]),
    ).toEqual({ kind: 'config', changed: ['app.ini'], redeploy: 'all', restart: [] });
    expect(planDeployIfChanged(deployed, now({ 'notes.md': 'm2' }), FILES)).toEqual({
      kind: 'config',
      changed: ['notes.md'],
      redeploy: [],
      restart: [],
    });
  });
});
