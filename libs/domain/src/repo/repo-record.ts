import type { DomainEvent } from '../shared/domain-event';
import { invalid } from '../shared/domain-error';

/**
 * What a Repo's executions record about it, folded from the events they recorded (oldest
 * first): the commit its folder on the server holds, when it was last cloned or pulled, and the
 * newest commit seen on the remote branch (Komodo's RepoInfo and RepoListItemInfo).
 */
export interface RepoRecord {
  cloned: boolean;
  cloned_hash?: string;
  cloned_message?: string;
  last_pulled_at: number;
  latest_hash?: string;
  latest_message?: string;
}

export interface RepoCommit {
  hash: string;
  message: string;
}

/** A clone or pull that ended at `commit`; `pinned` when the config names a commit. */
export type RepoCommand =
  | { type: 'RecordClone' | 'RecordPull'; commit: RepoCommit; pinned: boolean; at: number }
  | { type: 'RecordLatest'; commit: RepoCommit };

export type RepoEvent =
  | DomainEvent<'RepoCloned' | 'RepoPulled', RepoCommit & { at: number }>
  | DomainEvent<'RepoLatestCommitSeen', RepoCommit>;

/** The Repo operations whose events are recorded, in the order Komodo names them. */
export const REPO_RECORDING_RUNS = ['CloneRepo', 'PullRepo', 'RefreshRepoCache'] as const;

export const initialRepoRecord = (): RepoRecord => ({ cloned: false, last_pulled_at: 0 });

/**
 * A clone or pull of the branch's head also tells the remote's latest commit; one pinned to a
 * commit does not (the branch may have moved on). A refresh that finds what is known records
 * nothing.
 */
export function decideRepo(state: RepoRecord, command: RepoCommand): RepoEvent[] {
  if (!/^[0-9a-f]{4,64}$/.test(command.commit.hash)) {
    throw invalid(`commit: '${command.commit.hash}' is not a commit hash`, { field: 'commit' });
  }
  const latest: RepoEvent = { type: 'RepoLatestCommitSeen', data: command.commit };
  if (command.type === 'RecordLatest') {
    const known =
      state.latest_hash === command.commit.hash && state.latest_message === command.commit.message;
    return known ? [] : [latest];
  }
  const type = command.type === 'RecordClone' ? 'RepoCloned' : 'RepoPulled';
  const done: RepoEvent = { type, data: { ...command.commit, at: command.at } };
  return command.pinned ? [done] : [done, latest];
}

export function evolveRepo(state: RepoRecord, event: DomainEvent): RepoRecord {
  const e = event as RepoEvent;
  switch (e.type) {
    case 'RepoCloned':
    case 'RepoPulled':
      return {
        ...state,
        cloned: true,
        cloned_hash: e.data.hash,
        cloned_message: e.data.message,
        last_pulled_at: e.data.at,
      };
    case 'RepoLatestCommitSeen':
      return { ...state, latest_hash: e.data.hash, latest_message: e.data.message };
    default:
      return state;
  }
}

export const repoDecider = {
  decide: decideRepo,
  evolve: evolveRepo,
  initialState: initialRepoRecord,
};

/** The events a Repo's successful runs recorded (`repo_events` in their data), replayed. */
export function replayRepo(runs: { otherData?: Record<string, unknown> }[]): RepoRecord {
  return runs
    .flatMap((run) => (run.otherData?.repo_events as RepoEvent[] | undefined) ?? [])
    .reduce(evolveRepo, initialRepoRecord());
}
