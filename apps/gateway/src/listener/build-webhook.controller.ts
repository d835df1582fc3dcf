import {
  Body,
  Controller,
  Headers,
  HttpCode,
  Inject,
  Param,
  Post,
  Req,
  UseFilters,
} from '@nestjs/common';
import type { Resource } from '@monitor/domain';
import type { ReadModel } from '@monitor/projections';
import { newId, type CommandMeta } from '@monitor/resources';
import { READ_MODEL } from '@monitor/runtime';
import { ApiError } from '../api/api-error';
import { isBuilding } from '../api/builds/build-shown';
import { ExecutionForwarder } from '../api/execution-forwarder';
import { HttpErrorFilter } from '../api/http-error.filter';
import type { WithRawBody } from './raw-body';
import { PROVIDERS, WebhookGate } from './webhook-gate';

/**
 * Komodo's git webhook for builds: `POST /listener/<github|gitlab>/build/<id or name>`, through
 * the WebhookGate as for repos and stacks. A push to the branch the build follows (its linked
 * Repo's, when it has one) runs RunBuild as the user "webhook"; a build already running is
 * cancelled first, as Komodo does, so the newest push is the one built.
 */
@Controller('listener')
@UseFilters(HttpErrorFilter)
export class BuildWebhookController {
  constructor(
    private readonly executions: ExecutionForwarder,
    private readonly gate: WebhookGate,
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
  ) {}

  @Post(':provider/build/:build')
  @HttpCode(202)
  async build(
    @Param() params: { provider: string; build: string },
    @Headers() headers: Record<string, string | string[] | undefined>,
    @Req() req: WithRawBody,
    @Body() payload: unknown,
  ) {
    const provider = PROVIDERS.find((p) => p === params.provider);
    if (!provider) {
      throw new ApiError(
        404,
        `no webhook at ${req.url}: use /listener/<github|gitlab>/build/<build>`,
        'NOT_FOUND',
      );
    }
    const build = this.readModel.resource('Build', params.build);
    if (!build)
      throw new ApiError(404, `no Build has the name or id '${params.build}'`, 'NOT_FOUND');
    const ignored = this.gate.admit(build, {
      provider,
      action: 'build',
      headers,
      rawBody: req.rawBody,
      payload,
      follows: this.branchOf(build),
    });
    if (ignored) return ignored;
    const meta: CommandMeta = { userId: 'webhook', via: 'webhook', correlationId: newId() };
    if (isBuilding(this.readModel, build.id)) {
      await this.executions.run('Build', 'CancelBuild', { build: build.id }, meta);
    }
    return this.executions.run('Build', 'RunBuild', { build: build.id }, meta);
  }

  /** The branch pushes must be to: the linked Repo's when the build builds from one. */
  private branchOf(build: Resource<'Build'>): string {
    const linked = build.config.linked_repo;
    const repo = linked ? this.readModel.resourceById('Repo', linked) : undefined;
    return repo ? repo.config.branch : build.config.branch;
  }
}
