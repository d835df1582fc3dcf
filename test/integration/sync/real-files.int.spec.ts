import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import {
  defaultResourceSyncConfig,
  lookupFrom,
  planSync,
  type DeclaredSet,
  type SyncProblem,
} from '@monitor/domain';
import { readSyncFiles } from '../../../apps/sync/src/reading';
import { HEADER_OF_KIND, type Header, REAL_FILES } from './real-files.table';

/** Komodo TOML written by real users must read unchanged, or be refused naming file:line:field. */
const ROOT = join(__dirname, '../../fixtures/komodo-toml');

function read(file: string): { declared: DeclaredSet; problems: SyncProblem[] } {
  const contents = readFileSync(join(ROOT, file), 'utf8');
  return readSyncFiles([{ path: file, contents }], { exists: () => true });
}

function countDeclared(declared: DeclaredSet): Partial<Record<Header, number>> {
  const counts: Partial<Record<Header, number>> = {};
  const add = (header: Header, n: number) => {
    if (n > 0) counts[header] = (counts[header] ?? 0) + n;
  };
  for (const resource of declared.resources) add(HEADER_OF_KIND[resource.kind], 1);
  add('variable', declared.variables.length);
  add('user_group', declared.userGroups.length);
  return counts;
}

/** The plan of a file against an installation with nothing in it: every declaration a Create. */
function planFresh(declared: DeclaredSet) {
  return planSync({
    declared,
    resources: [],
    variables: [],
    userGroups: [],
    lookup: lookupFrom([]),
    sync: {
      id: 'sync-1',
      config: {
        ...defaultResourceSyncConfig(),
        include_variables: true,
        include_user_groups: true,
      },
    },
    secretMatches: () => false,
    hash: (text) => createHash('sha256').update(text).digest('hex'),
  });
}

const asText = (p: SyncProblem) => `${p.file}:${p.line}:${p.field}: ${p.message}`;
const errorsOf = (problems: SyncProblem[]) => problems.filter((p) => p.severity === 'error');

describe('real Komodo users’ TOML files', () => {
  it('lists every fixture file, and only those, from at least 30 repositories', () => {
    const onDisk = readdirSync(ROOT, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .flatMap((dir) => readdirSync(join(ROOT, dir.name)).map((name) => `${dir.name}/${name}`))
      .sort();
    expect(REAL_FILES.map((f) => f.file).sort()).toEqual(onDisk);
    const sources = readFileSync(join(ROOT, 'SOURCES.md'), 'utf8');
    for (const file of onDisk) expect(sources).toContain(`| \`${file}\` |`);
    expect(new Set(onDisk.map((file) => file.split('/')[0])).size).toBeGreaterThanOrEqual(30);
  });

  it.each(REAL_FILES.filter((f) => !f.refused))(
    '$file reads, declaring what its headers say, and plans a create for each',
    (fixture) => {
      const { declared, problems } = read(fixture.file);
      expect(errorsOf(problems).map(asText)).toEqual([]);
      expect(countDeclared(declared)).toEqual(fixture.declares);
      for (const line of fixture.ignoredAt ?? []) {
        const warnings = problems.filter((p) => p.severity === 'warning' && p.line === line);
        expect(warnings.map(asText)).not.toEqual([]);
      }
      for (const p of problems) expect(p.file).toBe(fixture.file);
      const plan = planFresh(declared);
      const creates = [...plan.resources, ...plan.variables, ...plan.userGroups];
      expect(creates.map((c) => c.action)).toEqual(creates.map(() => 'Create'));
      expect(plan.resources).toHaveLength(declared.resources.length);
      expect(plan.variables).toHaveLength(declared.variables.length);
      expect(plan.userGroups).toHaveLength(declared.userGroups.length);
      expect(plan.guard.deletes).toBe(0);
    },
  );

  it.each(REAL_FILES.filter((f) => f.refused))(
    '$file is refused ($refused.by), naming line and field',
    (fixture) => {
      const errors = errorsOf(read(fixture.file).problems);
      expect(errors.map((p) => `${p.line}:${p.field}`).sort()).toEqual(
        [...(fixture.refused?.errors ?? [])].sort(),
      );
      for (const p of errors) expect(p.file).toBe(fixture.file);
    },
  );
});

describe('real files: the Komodo forms they use', () => {
  it('keeps backslashes inside """ literal (Komodo escapes them before parsing)', () => {
    const { declared } = read('lacroixdavid1__services/komodo.toml');
    const action = declared.resources.find(
      (r) => r.kind === 'Action' && r.name === 'Nightly stack update',
    );
    expect(action?.config.file_contents).toContain(
      "console.log('🦎 Komodo version:', version.version, '🦎\\n');",
    );
  });

  it('reads Monitor 1.x deployments as Komodo converts them: server_id, tables for environment, volumes, labels', () => {
    const { declared } = read('moghtech__komodo/bin__monrun__resources__deployments.toml');
    expect(declared.resources).toHaveLength(8);
    for (const deployment of declared.resources)
      expect(deployment.config.server_id).toBe('monitor-01');
    const grafana = declared.resources.find((r) => r.name === 'grafana');
    // Komodo's own deserializers (environment.rs, conversion.rs, labels.rs) write these lines.
    expect(grafana?.config).toMatchObject({
      environment: '  GF_SERVER_HTTP_PORT = 3080\n',
      volumes: '  /data/grafana: /var/lib/grafana\n',
      labels: '  vector: key-value\n',
    });
  });

  it('reads a string where Komodo takes a list (extra_args = "--build")', () => {
    const { declared } = read('synthpop123__homelab-infra/komodo__sync.toml');
    const autobrr = declared.resources.find((r) => r.kind === 'Stack' && r.name === 'autobrr');
    expect(autobrr?.config.extra_args).toEqual(['--build']);
  });

  it('warns of [[resource-sync]], which Komodo ignores, suggesting resource_sync', () => {
    const { declared, problems } = read('AnarchoBooleanism__saphnet-komodo/servers.toml');
    expect(declared.resources.filter((r) => r.kind === 'ResourceSync')).toEqual([]);
    const warning = problems.find((p) => p.line === 11);
    expect(warning).toMatchObject({ severity: 'warning', field: 'resource-sync' });
    expect(warning?.message).toContain("'resource_sync'");
  });

  it('reads [[user_group.permission]], the alias of permissions', () => {
    const { declared } = read('moghtech__komodo/bin__monrun__resources__user_groups.toml');
    expect(declared.userGroups).toHaveLength(1);
    expect(declared.userGroups[0].permissions).toHaveLength(5);
    expect(declared.userGroups[0].permissions?.[0]).toMatchObject({
      target: { type: 'Server', id: 'mogh-server' },
      level: 'Read',
    });
  });
});
