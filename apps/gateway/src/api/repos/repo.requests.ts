import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { REPO_EXECUTION_FORMS, REPO_REQUESTS } from '@monitor/contracts';
import type { ReadModel } from '@monitor/projections';
import { READ_MODEL } from '@monitor/runtime';
import { executionDone } from '../execution-done';
import { ExecutionForwarder } from '../execution-forwarder';
import { KindRequests } from '../kind-requests';
import { RequestRegistry } from '../request-registry';

const R = REPO_REQUESTS;

/** Executions: each answers an Update at once. */
const EXECUTIONS = [
  R.CloneRepo,
  R.PullRepo,
  R.BuildRepo,
  R.CancelRepoBuild,
  REPO_EXECUTION_FORMS.RefreshRepoCache,
];

/** Komodo's batch forms, each with the execution it runs on every Repo it picks. */
const BATCHES = [
  [R.BatchCloneRepo, R.CloneRepo],
  [R.BatchPullRepo, R.PullRepo],
  [R.BatchBuildRepo, R.BuildRepo],
] as const;

/**
 * Repos: clone, pull, build, cancel a build and refresh (each answers an Update at once), their
 * batches, and Komodo 2's
 * `/write/RefreshRepoCache`, answered `{}` once done, or the failure with the Update saying why.
 */
@Injectable()
export class RepoRequests implements OnModuleInit {
  constructor(
    private readonly registry: RequestRegistry,
    private readonly executions: ExecutionForwarder,
    private readonly kind: KindRequests,
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
  ) {}

  onModuleInit(): void {
    this.kind.executionsOf('Repo', { executions: EXECUTIONS, batches: BATCHES, param: 'repo' });
    this.registry.handle(R.RefreshRepoCache, async (params, { meta }) => {
      // As Komodo: a Repo without a repository has nothing to refresh.
      if (!this.readModel.resource('Repo', params.repo)?.config.repo.trim()) return {};
      const started = await this.executions.run('Repo', 'RefreshRepoCache', params, meta);
      return executionDone(this.readModel, 'RefreshRepoCache', started._id.$oid);
    });
  }
}
