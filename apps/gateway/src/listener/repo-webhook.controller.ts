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
import type { ReadModel } from '@monitor/projections';
import { newId, type CommandMeta } from '@monitor/resources';
import { READ_MODEL } from '@monitor/runtime';
import { ApiError } from '../api/api-error';
import { ExecutionForwarder } from '../api/execution-forwarder';
import { HttpErrorFilter } from '../api/http-error.filter';
import type { WithRawBody } from './raw-body';
import { PROVIDERS, WebhookGate } from './webhook-gate';

const OPERATIONS = { clone: 'CloneRepo', pull: 'PullRepo', build: 'BuildRepo' } as const;
type Action = keyof typeof OPERATIONS;

/**
 * Komodo's git webhooks for repos: `POST /listener/<github|gitlab>/repo/<id or name>/<clone|pull|build>`,
 * through the WebhookGate, as for stacks. An accepted one is an execution by the user "webhook".
 */
@Controller('listener')
@UseFilters(HttpErrorFilter)
export class RepoWebhookController {
  constructor(
    private readonly executions: ExecutionForwarder,
    private readonly gate: WebhookGate,
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
  ) {}

  @Post(':provider/repo/:repo/:action')
  @HttpCode(202)
  async repo(
    @Param() params: { provider: string; repo: string; action: string },
    @Headers() headers: Record<string, string | string[] | undefined>,
    @Req() req: WithRawBody,
    @Body() payload: unknown,
  ) {
    const provider = PROVIDERS.find((p) => p === params.provider);
    const action = Object.keys(OPERATIONS).find((a): a is Action => a === params.action);
    if (!provider || !action) {
      throw new ApiError(
        404,
        `no webhook at ${req.url}: use /listener/<github|gitlab>/repo/<repo>/<clone|pull|build>`,
        'NOT_FOUND',
      );
    }
    const repo = this.readModel.resource('Repo', params.repo);
    if (!repo) throw new ApiError(404, `no Repo has the name or id '${params.repo}'`, 'NOT_FOUND');
    const ignored = this.gate.admit(repo, {
      provider,
      action,
      headers,
      rawBody: req.rawBody,
      payload,
      follows: repo.config.branch,
    });
    if (ignored) return ignored;
    const meta: CommandMeta = { userId: 'webhook', via: 'webhook', correlationId: newId() };
    return this.executions.run('Repo', OPERATIONS[action], { repo: repo.id }, meta);
  }
}
