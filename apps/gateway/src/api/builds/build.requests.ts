import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { BUILD_EXECUTION_FORMS, BUILD_REQUESTS } from '@monitor/contracts';
import {
  buildMonthlyStats,
  commonBuildExtraArgs,
  listBuildVersions,
  type Resource,
} from '@monitor/domain';
import type { ReadModel } from '@monitor/projections';
import { READ_MODEL } from '@monitor/runtime';
import { ApiError } from '../api-error';
import { executionDone } from '../execution-done';
import { ExecutionForwarder } from '../execution-forwarder';
import { KindRequests } from '../kind-requests';
import { matches } from '../read/resources.read';
import { RequestRegistry } from '../request-registry';
import { isBuilding } from './build-shown';

const B = BUILD_REQUESTS;

/**
 * Builds: RunBuild, CancelBuild and the execution form of RefreshBuildCache (each answers an
 * Update at once), BatchRunBuild, Komodo 2's `/write/RefreshBuildCache` (answered `{}` once done), and the reads of what the builds' streams record
 * (versions, monthly stats) and of their configs.
 */
@Injectable()
export class BuildRequests implements OnModuleInit {
  constructor(
    private readonly registry: RequestRegistry,
    private readonly executions: ExecutionForwarder,
    private readonly kind: KindRequests,
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
  ) {}

  onModuleInit(): void {
    this.kind.executionsOf('Build', {
      executions: [B.RunBuild, B.CancelBuild, BUILD_EXECUTION_FORMS.RefreshBuildCache],
      batches: [[B.BatchRunBuild, B.RunBuild]],
      param: 'build',
    });
    this.registry.handle(B.RefreshBuildCache, async (params, { meta }) => {
      // As Komodo: a Build without a repository (its own or its linked Repo's), or one built from
      // the files on its host, has no remote to read.
      const build = this.build(params.build);
      if (build.config.files_on_host || !this.repository(build)) return {};
      const started = await this.executions.run('Build', B.RefreshBuildCache.name, params, meta);
      return executionDone(this.readModel, B.RefreshBuildCache.name, started._id.$oid);
    });
    this.registry.handle(B.ListBuildVersions, async ({ build, ...filter }) =>
      listBuildVersions(this.readModel.builds.of(this.build(build).id).runs, filter),
    );
    this.registry.handle(B.GetBuildActionState, async ({ build }) => ({
      building: isBuilding(this.readModel, this.build(build).id),
    }));
    this.registry.handle(B.GetBuildMonthlyStats, async ({ page }, { principal }) => {
      const runs = this.readModel
        .list('Build')
        .filter((b) => principal.can(b, 'Read'))
        .flatMap((b) => this.readModel.builds.of(b.id).runs);
      return buildMonthlyStats(runs, Date.now(), page ?? 0);
    });
    this.registry.handle(B.ListCommonBuildExtraArgs, async ({ query }, { principal }) =>
      commonBuildExtraArgs(
        this.readModel
          .list('Build')
          .filter((b) => principal.can(b, 'Read') && matches(b, query, this.readModel))
          .map((b) => b.config),
      ),
    );
  }

  /** The repository the build reads: its linked Repo's, else its own. */
  private repository({ config }: Resource<'Build'>): string {
    const linked = config.linked_repo
      ? this.readModel.resourceById('Repo', config.linked_repo)
      : undefined;
    return (linked ? linked.config.repo : config.repo).trim();
  }

  private build(idOrName: string): Resource<'Build'> {
    const build = this.readModel.resource('Build', idOrName);
    if (!build) throw new ApiError(404, `no Build has the name or id '${idOrName}'`, 'NOT_FOUND');
    return build;
  }
}
