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
import { gitSource } from '@monitor/domain';
import type { ReadModel } from '@monitor/projections';
import { newId, type CommandMeta } from '@monitor/resources';
import { READ_MODEL } from '@monitor/runtime';
import { ApiError } from '../api/api-error';
import { ExecutionForwarder } from '../api/execution-forwarder';
import { HttpErrorFilter } from '../api/http-error.filter';
import type { WithRawBody } from './raw-body';
import { PROVIDERS, WebhookGate } from './webhook-gate';

const ACTIONS = ['refresh', 'deploy'] as const;

/**
 * Komodo's git webhooks for stacks: `POST /listener/<github|gitlab>/stack/<id or name>/<refresh|deploy>`,
 * through the WebhookGate. An accepted one is an execution by the user "webhook".
 */
@Controller('listener')
@UseFilters(HttpErrorFilter)
export class StackWebhookController {
  constructor(
    private readonly executions: ExecutionForwarder,
    private readonly gate: WebhookGate,
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
  ) {}

  @Post(':provider/stack/:stack/:action')
  @HttpCode(202)
  async stack(
    @Param() params: { provider: string; stack: string; action: string },
    @Headers() headers: Record<string, string | string[] | undefined>,
    @Req() req: WithRawBody,
    @Body() payload: unknown,
  ) {
    const provider = PROVIDERS.find((p) => p === params.provider);
    const action = ACTIONS.find((a) => a === params.action);
    if (!provider || !action) {
      throw new ApiError(
        404,
        `no webhook at ${req.url}: use /listener/<github|gitlab>/stack/<stack>/<refresh|deploy>`,
        'NOT_FOUND',
      );
    }
    const stack = this.readModel.resource('Stack', params.stack);
    if (!stack)
      throw new ApiError(404, `no Stack has the name or id '${params.stack}'`, 'NOT_FOUND');
    const { branch: follows } = gitSource(stack, (id) => this.readModel.resource('Repo', id));
    const ignored = this.gate.admit(stack, {
      provider,
      action,
      headers,
      rawBody: req.rawBody,
      payload,
      follows,
    });
    if (ignored) return ignored;
    const operation =
      action === 'refresh'
        ? 'RefreshStackCache'
        : stack.config.webhook_force_deploy
          ? 'DeployStack'
          : 'DeployStackIfChanged';
    const meta: CommandMeta = { userId: 'webhook', via: 'webhook', correlationId: newId() };
    return this.executions.run('Stack', operation, { stack: stack.id }, meta);
  }
}
