import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ImportGraph } from './import-graph';
import {
  agentLoadsNoCore,
  appsImportNoOtherApp,
  deployerFeaturesImportNoOther,
  describeViolation,
  libsNeverImportApps,
  noLibNamesAService,
  webImportsOnlyContracts,
  type Violation,
} from './import-rules';

/** The layout of docs/architecture.md, checked on every tracked .ts/.tsx file of the repository. */
const root = join(__dirname, '../..');
const graph = ImportGraph.ofRepository(root);
const read = (file: string) => readFileSync(join(root, file), 'utf8');
/** The processes that meet on the bus: every app but the composer and the browser UI. */
const services = readdirSync(join(root, 'apps')).filter((app) => !['monitor', 'web'].includes(app));

const report = (violations: Violation[]) => violations.map(describeViolation);

describe('import rules', () => {
  it('reads the whole repository', () => {
    expect(graph.files.length).toBeGreaterThan(500);
    expect(graph.files).toContain('apps/periphery/src/main.ts');
  });

  it('resolves the aliases the build and Jest use (.swcrc) as the type-check does (tsconfig.json)', () => {
    const swc = JSON.parse(read('.swcrc')) as { jsc: { paths: Record<string, string[]> } };
    const swcAliases = Object.fromEntries(
      Object.entries(swc.jsc.paths).map(([name, [target]]) => [name, target]),
    );
    expect(swcAliases).toEqual(graph.resolver.aliases);
  });

  it('no app imports another app, but apps/monitor', () => {
    expect(report(appsImportNoOtherApp(graph))).toEqual([]);
  });

  it('apps/web imports only @monitor/contracts, its specs too', () => {
    expect(report(webImportsOnlyContracts(graph))).toEqual([]);
  });

  it("the deployer's feature folders do not import each other", () => {
    expect(report(deployerFeaturesImportNoOther(graph))).toEqual([]);
  });

  it('libs never import apps', () => {
    expect(report(libsNeverImportApps(graph))).toEqual([]);
  });

  it('no lib names a service', () => {
    expect(report(noLibNamesAService(graph, read, services))).toEqual([]);
  });

  it('the agent loads no event store, bus or projection code', () => {
    expect(report(agentLoadsNoCore(graph))).toEqual([]);
  });
});
