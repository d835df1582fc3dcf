import * as v from 'valibot';
import { RelativePath } from '../compose/stack-paths';
import { COMMIT, REMOTE } from './git.dto';

const RepoCommandDto = v.strictObject({
  stage: v.pipe(v.string(), v.maxLength(64)),
  /** Relative to the repo's folder; empty is the folder itself. */
  path: v.optional(v.union([v.literal(''), RelativePath])),
  command: v.pipe(v.string(), v.maxLength(64 * 1024)),
});

/** The id the core runs work under (a Repo's, a Build's): CancelRepoRun and CancelBuild name it. */
export const RunId = v.pipe(
  v.string(),
  v.regex(/^[A-Za-z0-9_-]{1,128}$/, "must be a Repo's or Build's id"),
);

/** A Repo's clone or pull into `<root>/repos/<directory>`, its env file, then its commands. */
export const PullOrCloneRepoDto = v.strictObject({
  id: v.optional(RunId),
  ...REMOTE,
  directory: RelativePath,
  commit: COMMIT,
  reclone: v.optional(v.boolean()),
  env: v.optional(
    v.strictObject({
      path: RelativePath,
      contents: v.pipe(v.string(), v.maxLength(512 * 1024)),
    }),
  ),
  commands: v.optional(v.pipe(v.array(RepoCommandDto), v.maxLength(4))),
});
export type PullOrCloneRepoDto = v.InferOutput<typeof PullOrCloneRepoDto>;

export const GetLatestCommitDto = v.strictObject(REMOTE);
export type GetLatestCommitDto = v.InferOutput<typeof GetLatestCommitDto>;

export const CancelRepoRunDto = v.strictObject({ id: RunId });
