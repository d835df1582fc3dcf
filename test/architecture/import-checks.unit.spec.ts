import { ImportGraph, parseImports, type Resolver } from './import-graph';
import {
  agentLoadsNoCore,
  appsImportNoOtherApp,
  deployerFeaturesImportNoOther,
  describeViolation,
  libsNeverImportApps,
  noLibNamesAService,
  webImportsOnlyContracts,
} from './import-rules';

/** The checks themselves, on a small made-up repository: each rule catches what it forbids. */
function repository(files: Record<string, string>): ImportGraph {
  const resolver: Resolver = {
    aliases: {
      '@monitor/contracts': 'libs/contracts/src/index.ts',
      '@monitor/domain': 'libs/domain/src/index.ts',
      '@monitor/eventstore': 'libs/eventstore/src/index.ts',
      '@monitor/runtime': 'libs/runtime/src/index.ts',
    },
    workspaces: { '@monitor/deployer': 'apps/deployer' },
    exists: (file) => file in files,
  };
  const graph = new ImportGraph(resolver, (file) => files[file]);
  Object.keys(files).forEach((file) => graph.importsOf(file));
  return graph;
}

const lines = (violations: { file: string; line: number; found: string }[]) =>
  violations.map((v) => `${v.file}:${v.line} ${v.found}`);

describe('reading imports', () => {
  it('tells what loads at run time from what is only a type', () => {
    const edges = parseImports(
      'a.ts',
      [
        "import type { A } from 'types-only';",
        "import { type B, type C } from 'all-names-typed';",
        "import { type D, e } from 'one-value';",
        "import './side-effect';",
        "export type { F } from 'type-export';",
        "export * from 'star';",
        "const g = require('required');",
        "const h = () => import('dynamic');",
        "type I = typeof import('import-type');",
      ].join('\n'),
    );
    expect(edges.map((e) => [e.specifier, e.typeOnly, e.line])).toEqual([
      ['types-only', true, 1],
      ['all-names-typed', true, 2],
      ['one-value', false, 3],
      ['./side-effect', false, 4],
      ['type-export', true, 5],
      ['star', false, 6],
      ['required', false, 7],
      ['dynamic', false, 8],
    ]);
  });

  it('resolves relative paths, folders, aliases and workspace packages', () => {
    const graph = repository({
      'apps/gateway/src/main.ts':
        "import './api';\nimport { x } from '../lib.js';\nimport '@monitor/domain';\nimport '@monitor/deployer/src/poller';\nimport 'express';",
      'apps/gateway/src/api/index.ts': '',
      'apps/gateway/lib.ts': '',
      'libs/domain/src/index.ts': '',
      'apps/deployer/src/poller.ts': '',
    });
    expect(graph.importsOf('apps/gateway/src/main.ts').map((e) => e.file ?? e.pkg)).toEqual([
      'apps/gateway/src/api/index.ts',
      'apps/gateway/lib.ts',
      'libs/domain/src/index.ts',
      'apps/deployer/src/poller.ts',
      'express',
    ]);
  });
});

describe('the rules', () => {
  it('catch an app importing another app, but not the composer', () => {
    const graph = repository({
      'apps/gateway/src/a.ts': "import type { P } from '@monitor/deployer';",
      'apps/monitor/src/main.ts': "import '@monitor/deployer';",
      'apps/deployer/src/index.ts': '',
    });
    expect(lines(appsImportNoOtherApp(graph))).toEqual([
      "apps/gateway/src/a.ts:1 imports '@monitor/deployer'",
    ]);
  });

  it('catch the web, its specs included, importing anything of ours but the contracts', () => {
    const graph = repository({
      'apps/web/src/page.tsx':
        "import type { A } from '@monitor/contracts';\nimport type { B } from '@monitor/domain';\nimport '../../gateway/src/x';",
      'apps/web/src/page.unit.spec.ts':
        "import { T } from '@monitor/contracts';\nimport '@monitor/eventstore';\nimport { U } from '@monitor/domain';",
      'apps/gateway/src/x.ts': '',
      'libs/contracts/src/index.ts': '',
      'libs/domain/src/index.ts': '',
      'libs/eventstore/src/index.ts': '',
    });
    expect(lines(webImportsOnlyContracts(graph))).toEqual([
      "apps/web/src/page.tsx:2 imports '@monitor/domain'",
      "apps/web/src/page.tsx:3 imports '../../gateway/src/x'",
      "apps/web/src/page.unit.spec.ts:2 imports '@monitor/eventstore'",
      "apps/web/src/page.unit.spec.ts:3 imports '@monitor/domain'",
    ]);
  });

  it('catch a deployer feature importing another (types too), or a shared folder importing a feature; not the module that composes them', () => {
    const graph = repository({
      'apps/deployer/src/servers/poller.ts':
        "import { StackObserver } from '../stacks/observer';\nimport { alerts } from '../observation/alerts';\nimport './clock';",
      'apps/deployer/src/servers/clock.ts': '',
      'apps/deployer/src/stacks/observer.ts': "import type { Poller } from '../servers/poller';",
      'apps/deployer/src/observation/alerts.ts':
        "import { context } from '../deployments/context';",
      'apps/deployer/src/deployments/context.ts': "import '@monitor/domain';",
      'apps/deployer/src/deployer.module.ts':
        "import './servers/poller';\nimport './stacks/observer';\nimport './deployments/context';",
      'libs/domain/src/index.ts': '',
    });
    expect(deployerFeaturesImportNoOther(graph).map(describeViolation)).toEqual([
      "apps/deployer/src/servers/poller.ts:1 imports '../stacks/observer': the deployer's feature " +
        'servers/ imports the feature stacks/; features import only the shared observation/ and never each other',
      "apps/deployer/src/stacks/observer.ts:1 imports '../servers/poller': the deployer's feature " +
        'stacks/ imports the feature servers/; features import only the shared observation/ and never each other',
      "apps/deployer/src/observation/alerts.ts:1 imports '../deployments/context': the deployer's " +
        'shared observation/ imports the feature deployments/; shared folders import no feature',
    ]);
  });

  it('catch a lib importing an app', () => {
    const graph = repository({
      'libs/runtime/src/index.ts': "export * from '../../../apps/deployer/src/poller';",
      'apps/deployer/src/poller.ts': '',
    });
    expect(lines(libsNeverImportApps(graph))).toEqual([
      "libs/runtime/src/index.ts:1 imports '../../../apps/deployer/src/poller'",
    ]);
  });

  it("catch a lib binding to a service's queue group or naming its NATS identity", () => {
    const files = {
      'libs/runtime/src/tags.ts':
        "const queue = QUEUE_GROUPS.deployer;\nconst other = QUEUE_GROUPS['sync'];\nconst name = 'monitor-builder';\nconst fine = 'deployer';",
      'libs/bus/src/subjects.ts': "export const QUEUE_GROUPS = { deployer: 'monitor-deployer' };",
    };
    const graph = repository(files);
    const found = noLibNamesAService(graph, (f) => files[f as keyof typeof files], [
      'deployer',
      'sync',
      'builder',
    ]);
    expect(lines(found)).toEqual([
      'libs/runtime/src/tags.ts:1 names QUEUE_GROUPS.deployer',
      "libs/runtime/src/tags.ts:2 names QUEUE_GROUPS['sync']",
      'libs/runtime/src/tags.ts:3 names monitor-builder',
    ]);
  });

  it('catch the agent loading the event store through a chain of imports, not through types', () => {
    const graph = repository({
      'apps/periphery/src/main.ts':
        "import { check } from '@monitor/contracts';\nimport type { EventStore } from '@monitor/eventstore';",
      'libs/contracts/src/index.ts': "export * from './positions';",
      'libs/contracts/src/positions.ts': "import { open } from '@monitor/eventstore';",
      'libs/eventstore/src/index.ts': "import Database from 'better-sqlite3';",
    });
    expect(agentLoadsNoCore(graph).map(describeViolation)).toEqual([
      "libs/contracts/src/positions.ts:1 imports '@monitor/eventstore': the agent loads libs/eventstore/ " +
        '(apps/periphery/src/main.ts → libs/contracts/src/index.ts → libs/contracts/src/positions.ts)',
    ]);
  });

  it('catch the agent loading the runtime or a bus driver, where it first does', () => {
    const graph = repository({
      'apps/periphery/src/main.ts':
        "import { runMain } from '@monitor/runtime';\nimport '@nats-io/transport-node';",
      'libs/runtime/src/index.ts': "import '@monitor/eventstore';",
      'libs/eventstore/src/index.ts': '',
    });
    expect(lines(agentLoadsNoCore(graph))).toEqual([
      "apps/periphery/src/main.ts:1 imports '@monitor/runtime'",
      "apps/periphery/src/main.ts:2 imports '@nats-io/transport-node'",
    ]);
  });
});
