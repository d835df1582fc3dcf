import { RESOURCE_KINDS } from '../kinds';
import type { Version } from '../resources/configs/common';
import { readResourceEvent } from '../resources/lifecycle/events';
import { invalid, notFound } from '../shared/domain-error';
import type { DomainEvent } from '../shared/domain-event';
import { shortCommit } from './image-tags';
import { versionProblem } from './version';

/** How a RunBuild ended. A cancelled run changes neither the version nor the build's state. */
export type BuildOutcome = 'Built' | 'Failed' | 'Cancelled';

/** One finished RunBuild, as its event records it. */
export interface BuildRun {
  outcome: BuildOutcome;
  /** The Update (execution) that ran it. */
  update_id: string;
  version: Version;
  started_at: number;
  ended_at: number;
  /** Built runs from git: the short commit and its message. */
  commit_hash?: string;
  commit_message?: string;
}

type RunData = Omit<BuildRun, 'outcome'>;

/** Appended to the build's own stream (`build-<id>`), after its lifecycle events. */
export type BuildRunEvent =
  | DomainEvent<'BuildBuilt', RunData>
  | DomainEvent<'BuildFailed', RunData>
  | DomainEvent<'BuildCancelled', RunData>;

/** The build's Dockerfile as a refresh read it from the remote (Komodo's BuildInfo `remote_*`). */
export interface BuildRemoteFile {
  /** In the repository: `build_path/dockerfile_path`. */
  path: string;
  contents?: string;
  /** Why it could not be read (missing, refused, too large). */
  error?: string;
}

/**
 * The newest commit a RefreshBuildCache saw on the build's remote branch (Komodo's BuildInfo).
 * `remote` is absent in events recorded before the core read the Dockerfile itself.
 */
export interface BuildLatestCommit {
  hash: string;
  message: string;
  remote?: BuildRemoteFile;
}

export type BuildLatestCommitEvent = DomainEvent<'BuildLatestCommitSeen', BuildLatestCommit>;

const EVENT_OF: Record<BuildOutcome, BuildRunEvent['type']> = {
  Built: 'BuildBuilt',
  Failed: 'BuildFailed',
  Cancelled: 'BuildCancelled',
};
const OUTCOME_OF: Record<string, BuildOutcome> = {
  BuildBuilt: 'Built',
  BuildFailed: 'Failed',
  BuildCancelled: 'Cancelled',
};

/** What a Build's stream says of its builds; its config is the resource's. */
export interface BuildRecord {
  status: 'Empty' | 'Active' | 'Deleted';
  /**
   * The current version: the config's as last written, moved on by each successful build
   * (Komodo writes the built version into the config). The next build starts from it.
   */
  version: Version;
  /** When the last successful build ended; 0 before any. */
  last_built_at: number;
  built_hash?: string;
  built_message?: string;
  /** The remote's newest commit, as the last RefreshBuildCache saw it. */
  latest_hash?: string;
  latest_message?: string;
  /** The Dockerfile on the remote, as the last RefreshBuildCache read it. */
  remote?: BuildRemoteFile;
  /** The last finished, not cancelled run: Komodo's BuildState reads it. */
  last_outcome?: 'Built' | 'Failed';
  /** Every finished run, oldest first. */
  runs: BuildRun[];
}

export const initialBuildRecord = (): BuildRecord => ({
  status: 'Empty',
  version: { major: 0, minor: 0, patch: 0 },
  last_built_at: 0,
  runs: [],
});

/** Folds the build stream: lifecycle events set the version as written, runs move it on. */
export function evolveBuildRecord(record: BuildRecord, event: DomainEvent): BuildRecord {
  const lifecycle = readResourceEvent(event, RESOURCE_KINDS);
  if (lifecycle) {
    if (lifecycle.kind !== 'Build') return record;
    if (lifecycle.action === 'Created') {
      const config = lifecycle.data.config as { version?: Version };
      return {
        ...initialBuildRecord(),
        status: 'Active',
        version: config.version ?? record.version,
      };
    }
    if (lifecycle.action === 'Deleted') return { ...record, status: 'Deleted' };
    if (lifecycle.action === 'ConfigUpdated' && lifecycle.data.diff.version)
      return { ...record, version: lifecycle.data.diff.version.to as Version };
    return record;
  }
  if (event.type === 'BuildLatestCommitSeen') {
    const { hash, message, remote } = (event as BuildLatestCommitEvent).data;
    return { ...record, latest_hash: hash, latest_message: message, remote };
  }
  const outcome = OUTCOME_OF[event.type];
  if (!outcome) return record;
  const run: BuildRun = { ...(event.data as RunData), outcome };
  const runs = [...record.runs, run];
  if (outcome === 'Cancelled') return { ...record, runs };
  if (outcome === 'Failed') return { ...record, runs, last_outcome: 'Failed' };
  return {
    ...record,
    runs,
    last_outcome: 'Built',
    version: run.version,
    last_built_at: run.ended_at,
    built_hash: run.commit_hash,
    built_message: run.commit_message,
  };
}

export type BuildCommand =
  | { type: 'RecordBuildRun'; run: BuildRun }
  | { type: 'RecordLatestCommit'; commit: BuildLatestCommit };

/**
 * Records a finished RunBuild, or the remote's newest commit and Dockerfile a refresh saw.
 * Recording the same Update again changes nothing (a retried append after a lost answer), so the
 * version moves on once per build; a refresh that finds the commit and Dockerfile already known
 * records nothing.
 */
export function decideBuild(
  record: BuildRecord,
  command: BuildCommand,
): (BuildRunEvent | BuildLatestCommitEvent)[] {
  if (record.status !== 'Active')
    throw notFound(`the build ${record.status === 'Deleted' ? 'was deleted' : 'does not exist'}`);
  if (command.type === 'RecordLatestCommit') return decideLatestCommit(record, command.commit);
  const { run } = command;
  if (record.runs.some((r) => r.update_id === run.update_id)) return [];
  const problem = versionProblem(run.version);
  if (problem) throw invalid(`version: ${problem}`);
  if (!(run.ended_at >= run.started_at))
    throw invalid('ended_at: a build cannot end before it started');
  const { outcome, commit_hash, commit_message, ...data } = run;
  const commit =
    outcome === 'Built' && commit_hash
      ? { commit_hash: shortCommit(commit_hash), commit_message: commit_message ?? '' }
      : {};
  return [{ type: EVENT_OF[outcome], data: { ...data, ...commit } }];
}

function decideLatestCommit(
  record: BuildRecord,
  { hash, message, remote }: BuildLatestCommit,
): BuildLatestCommitEvent[] {
  if (!/^[0-9a-f]{4,64}$/.test(hash))
    throw invalid(`commit: '${hash}' is not a commit hash`, { field: 'commit' });
  const short = shortCommit(hash);
  if (
    record.latest_hash === short &&
    record.latest_message === message &&
    sameRemote(record.remote, remote)
  )
    return [];
  return [
    { type: 'BuildLatestCommitSeen', data: { hash: short, message, ...(remote && { remote }) } },
  ];
}

const sameRemote = (a: BuildRemoteFile | undefined, b: BuildRemoteFile | undefined) =>
  a?.path === b?.path && a?.contents === b?.contents && a?.error === b?.error;

/** Komodo's BuildState, as its API spells it. */
export const BUILD_STATES = ['Building', 'Ok', 'Failed', 'Unknown'] as const;
export type BuildState = (typeof BUILD_STATES)[number];

/**
 * As Komodo: Building while a RunBuild runs; else the last finished build's outcome, a
 * cancelled one skipped; Ok when never built.
 */
export function buildState(record: BuildRecord, running: boolean): BuildState {
  if (running) return 'Building';
  return record.last_outcome === 'Failed' ? 'Failed' : 'Ok';
}
