import type { Types } from 'komodo_client';
import type { Execution } from '@monitor/domain';

/** The kinds whose state Komodo derives from their runs. */
export type RunKind = 'Build' | 'Repo' | 'Procedure' | 'Action' | 'ResourceSync';

/** Per kind, Komodo's state enum, as its values. */
export interface RunStates {
  Build: `${Types.BuildState}`;
  Repo: `${Types.RepoState}`;
  Procedure: `${Types.ProcedureState}`;
  Action: `${Types.ActionState}`;
  ResourceSync: `${Types.ResourceSyncState}`;
}

/**
 * Per kind, its runs and the state each shows while it runs (Komodo's BuildState, RepoState,
 * ProcedureState, ActionState, ResourceSyncState). A Repo's clone, pull and build share one state.
 */
const RUNS: { [K in RunKind]: Record<string, RunStates[K]> } = {
  Build: { RunBuild: 'Building' },
  Repo: { CloneRepo: 'Cloning', PullRepo: 'Pulling', BuildRepo: 'Building' },
  Procedure: { RunProcedure: 'Running' },
  Action: { RunAction: 'Running' },
  ResourceSync: { RunSync: 'Syncing' },
};

/**
 * A resource's state from its executions (newest first), as Komodo decides it: the running
 * state while a run is in progress, else Ok or Failed by the last finished run. Never run is
 * Ok for a Build, Repo, Procedure or Action (Komodo: "or never built"); a ResourceSync is Ok only when
 * its plan has nothing pending, which Monitor does not compute on a read: Unknown.
 */
export function runState<K extends RunKind>(kind: K, executions: Execution[]): RunStates[K] {
  const states: Record<string, RunStates[K]> = RUNS[kind];
  const runs = executions.filter((x) => x.operation in states);
  const running = runs.find((x) => x.status === 'InProgress');
  if (running) return states[running.operation];
  const last = runs.find((x) => x.status === 'Complete');
  if (last) return last.success ? 'Ok' : 'Failed';
  return kind === 'ResourceSync' ? 'Unknown' : 'Ok';
}

/** When the last successful run of one of these operations ended, in ms; 0 if none did. */
export function lastSuccess(executions: Execution[], operations: string[]): number {
  return lastSucceeded(executions, operations)?.endTs ?? 0;
}

function lastSucceeded(executions: Execution[], operations: string[]): Execution | undefined {
  return executions.find(
    (x) => operations.includes(x.operation) && x.status === 'Complete' && x.success,
  );
}

/** The commit the last successful BuildRepo cloned on its builder (Komodo's built_hash). */
export function repoBuilt(executions: Execution[]): { hash?: string; message?: string } {
  const data = lastSucceeded(executions, ['BuildRepo'])?.otherData ?? {};
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  return { hash: text(data.built_hash), message: text(data.built_message) };
}

/**
 * Komodo's link to a repository, to its branch where the provider's link format is known; none
 * without a repository (files on the host or in the config), where Komodo links to the provider.
 */
export function repoLink(provider: string, repo: string, branch: string, https: boolean): string {
  if (!repo) return '';
  const link = `http${https ? 's' : ''}://${provider}/${repo}`;
  return provider === 'github.com' ? `${link}/tree/${branch}` : link;
}
