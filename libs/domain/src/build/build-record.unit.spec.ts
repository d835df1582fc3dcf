import { deciderSpec } from '@monitor/testing';
import { resourceEvent } from '../resources/lifecycle/events';
import { defaultBuildConfig } from './build.config';
import {
  buildState,
  decideBuild,
  evolveBuildRecord,
  initialBuildRecord,
  type BuildRun,
} from './build-record';

const spec = deciderSpec({
  decide: decideBuild,
  evolve: evolveBuildRecord,
  initialState: initialBuildRecord,
});
const v = (major: number, minor: number, patch: number) => ({ major, minor, patch });
const created = resourceEvent('Build', 'Created', {
  id: 'b1',
  name: 'web',
  description: '',
  tags: [],
  config: { ...defaultBuildConfig(), version: v(0, 0, 0) },
});
const run = (fields: Partial<BuildRun> = {}): BuildRun => ({
  outcome: 'Built',
  update_id: 'u1',
  version: v(0, 0, 1),
  started_at: 1_000,
  ended_at: 5_000,
  ...fields,
});
/** An event's data: a run without its outcome, which the event's type says. */
const data = (fields: Partial<BuildRun> = {}) => {
  const { outcome: _, ...rest } = run(fields);
  return rest;
};
const record = (events: { type: string; data: unknown }[]) =>
  events.reduce(evolveBuildRecord, initialBuildRecord());

describe('what a build records', () => {
  it('records a successful build: its version, short commit and message', () => {
    spec
      .given([created])
      .when({
        type: 'RecordBuildRun',
        run: run({ commit_hash: 'abcdef0123456789', commit_message: 'fix: it' }),
      })
      .then([
        {
          type: 'BuildBuilt',
          data: {
            update_id: 'u1',
            version: v(0, 0, 1),
            started_at: 1_000,
            ended_at: 5_000,
            commit_hash: 'abcdef0',
            commit_message: 'fix: it',
          },
        },
      ]);
  });

  it('records failed and cancelled builds, without a commit', () => {
    spec
      .given([created])
      .when({ type: 'RecordBuildRun', run: run({ outcome: 'Failed', commit_hash: 'abcd' }) })
      .then([
        {
          type: 'BuildFailed',
          data: { update_id: 'u1', version: v(0, 0, 1), started_at: 1_000, ended_at: 5_000 },
        },
      ]);
    spec
      .given([created])
      .when({ type: 'RecordBuildRun', run: run({ outcome: 'Cancelled' }) })
      .then([
        {
          type: 'BuildCancelled',
          data: { update_id: 'u1', version: v(0, 0, 1), started_at: 1_000, ended_at: 5_000 },
        },
      ]);
  });

  it('records an Update once, so a retried append does not move the version twice', () => {
    const built = { type: 'BuildBuilt', data: data() };
    spec.given([created, built]).when({ type: 'RecordBuildRun', run: run() }).then([]);
  });

  it('refuses a build of a deleted or unknown build, a bad version, an end before the start', () => {
    const deleted = resourceEvent('Build', 'Deleted', { name: 'web' });
    spec
      .given([created, deleted])
      .when({ type: 'RecordBuildRun', run: run() })
      .thenFails('NOT_FOUND', /deleted/);
    spec.given([]).when({ type: 'RecordBuildRun', run: run() }).thenFails('NOT_FOUND');
    spec
      .given([created])
      .when({ type: 'RecordBuildRun', run: run({ version: v(0, -1, 0) }) })
      .thenFails('VALIDATION', /^version: minor/);
    spec
      .given([created])
      .when({ type: 'RecordBuildRun', run: run({ ended_at: 10 }) })
      .thenFails('VALIDATION', /^ended_at/);
  });

  it('moves the version on with each successful build, and a written version wins after', () => {
    const built = (version: ReturnType<typeof v>, update_id: string) => ({
      type: 'BuildBuilt',
      data: data({ version, update_id }),
    });
    const failed = {
      type: 'BuildFailed',
      data: data({ version: v(0, 0, 3), update_id: 'u3' }),
    };
    expect(
      record([created, built(v(0, 0, 1), 'u1'), built(v(0, 0, 2), 'u2'), failed]).version,
    ).toEqual(v(0, 0, 2));
    const written = resourceEvent('Build', 'ConfigUpdated', {
      diff: { version: { from: v(0, 0, 0), to: v(1, 0, 0) } },
    });
    expect(record([created, built(v(0, 0, 1), 'u1'), written]).version).toEqual(v(1, 0, 0));
  });

  it("keeps the last built commit and time, and Komodo's state: a cancel changes nothing", () => {
    const built = {
      type: 'BuildBuilt',
      data: data({ commit_hash: 'abcdef0', commit_message: 'm' }),
    };
    const failed = { type: 'BuildFailed', data: data({ update_id: 'u2' }) };
    const cancelled = { type: 'BuildCancelled', data: data({ update_id: 'u3' }) };
    const afterBuild = record([created, built, cancelled]);
    expect(afterBuild).toMatchObject({
      last_built_at: 5_000,
      built_hash: 'abcdef0',
      built_message: 'm',
    });
    expect(buildState(afterBuild, false)).toBe('Ok');
    expect(buildState(record([created, built, failed, cancelled]), false)).toBe('Failed');
    expect(buildState(record([created]), false)).toBe('Ok');
    expect(buildState(record([created, failed]), true)).toBe('Building');
  });
});

describe("a build's latest remote commit (RefreshBuildCache)", () => {
  const seen = (hash: string, message: string) => ({
    type: 'BuildLatestCommitSeen',
    data: { hash, message },
  });

  it('records the short commit and its message, which GetBuild shows', () => {
    const commit = { hash: 'abcdef0123456789', message: 'feat: new' };
    spec
      .given([created])
      .when({ type: 'RecordLatestCommit', commit })
      .then([seen('abcdef0', 'feat: new')]);
    expect(record([created, seen('abcdef0', 'feat: new')])).toMatchObject({
      latest_hash: 'abcdef0',
      latest_message: 'feat: new',
      last_built_at: 0,
    });
  });

  it('records nothing when the commit is already known, and a newer one when it moved', () => {
    const commit = (hash: string) => ({
      type: 'RecordLatestCommit' as const,
      commit: { hash, message: 'm' },
    });
    spec
      .given([created, seen('abcdef0', 'm')])
      .when(commit('abcdef0123'))
      .then([]);
    spec
      .given([created, seen('abcdef0', 'm')])
      .when(commit('1234567890'))
      .then([seen('1234567', 'm')]);
  });

  it("records the remote Dockerfile's contents or error with the commit, which GetBuild shows", () => {
    const remote = { path: './Dockerfile', contents: 'FROM scratch\n' };
    const withRemote = (file: object) => ({
      type: 'BuildLatestCommitSeen',
      data: { hash: 'abcdef0', message: 'm', remote: file },
    });
    spec
      .given([created])
      .when({ type: 'RecordLatestCommit', commit: { hash: 'abcdef0123', message: 'm', remote } })
      .then([withRemote(remote)]);
    expect(record([created, withRemote(remote)]).remote).toEqual(remote);
    const missing = { path: './Dockerfile', error: "no file 'Dockerfile' in the repository" };
    spec
      .given([created, withRemote(remote)])
      .when({
        type: 'RecordLatestCommit',
        commit: { hash: 'abcdef0', message: 'm', remote: missing },
      })
      .then([withRemote(missing)]);
    spec
      .given([created, withRemote(remote)])
      .when({ type: 'RecordLatestCommit', commit: { hash: 'abcdef0', message: 'm', remote } })
      .then([]);
  });

  it('reads events recorded before the Dockerfile was: a commit alone, no remote file', () => {
    const earlier = seen('abcdef0', 'm');
    expect(record([created, earlier])).toMatchObject({ latest_hash: 'abcdef0', remote: undefined });
    const remote = { path: './Dockerfile', contents: 'FROM scratch\n' };
    spec
      .given([created, earlier])
      .when({ type: 'RecordLatestCommit', commit: { hash: 'abcdef0', message: 'm', remote } })
      .then([{ type: 'BuildLatestCommitSeen', data: { hash: 'abcdef0', message: 'm', remote } }]);
  });

  it('refuses what is not a commit hash, and a build that does not exist', () => {
    const bad = { type: 'RecordLatestCommit' as const, commit: { hash: 'main; rm', message: '' } };
    spec
      .given([created])
      .when(bad)
      .thenFails('VALIDATION', /not a commit hash/);
    spec
      .given([])
      .when({ type: 'RecordLatestCommit', commit: { hash: 'abcdef0', message: '' } })
      .thenFails('NOT_FOUND');
  });
});
