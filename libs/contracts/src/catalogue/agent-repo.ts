/*
 * What the core sends the agent for a Repo (Komodo's periphery `PullOrCloneRepo`,
 * `GetLatestCommit`); both answer a `RepoAnswer`. The agent's valibot schemas take exactly these.
 */

/** A shell command (`on_clone`, `on_pull`) run in a folder of the repo after it is in place. */
export interface RepoCommandParams {
  stage: string;
  /** Relative to the repo's folder; empty is the folder itself. */
  path?: string;
  command: string;
}

/** Where a repository comes from, and the login it takes. */
export interface RepoRemoteParams {
  url: string;
  branch?: string;
  token?: string;
  username?: string;
}

export interface PullOrCloneRepoParams extends RepoRemoteParams {
  /**
   * The Repo's id (or the Build's, for its checkout): `CancelRepoRun` (or `CancelBuild`) names it
   * to stop the clone and the commands.
   */
  id?: string;
  /** The repo's folder, relative to the agent's repos folder (`<root>/repos`). */
  directory: string;
  commit?: string;
  /** Remove the folder and clone afresh (CloneRepo) rather than pull into it. */
  reclone?: boolean;
  /** The repo's `environment`, written to `path` in its folder before the commands run. */
  env?: { path: string; contents: string };
  commands?: RepoCommandParams[];
}

/** The newest commit of the remote branch, read into a scratch folder removed after. */
export type GetLatestCommitParams = RepoRemoteParams;

/** Stops the clone or commands running under that id (a Monitor request; Komodo has none). */
export interface CancelRepoRunParams {
  id: string;
}
