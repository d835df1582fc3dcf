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
import type { MonitorConfig } from '@monitor/config';
import { gitSource, type Resource } from '@monitor/domain';
import type { ReadModel } from '@monitor/projections';
import { newId, type CommandMeta } from '@monitor/resources';
import { KEYRING, MONITOR_CONFIG, READ_MODEL } from '@monitor/runtime';
import { isSealed, type Keyring } from '@monitor/secrets';
import { ApiError } from '../api/api-error';
import { ExecutionForwarder } from '../api/execution-forwarder';
import { HttpErrorFilter } from '../api/http-error.filter';
import { DELIVERY_MEMORY_MS, DeliveryLog, pushedAt } from './delivery-log';
import type { WithRawBody } from './raw-body';
import {
  deliveryId,
  EVENT_HEADER,
  pushedBranch,
  webhookAuthProblem,
  webhookEvent,
  type GitProvider,
} from './webhook-verification';

const PROVIDERS: GitProvider[] = ['github', 'gitlab'];
const ACTIONS = ['refresh', 'deploy'] as const;

/**
 * Komodo's git webhooks for stacks: `POST /listener/<github|gitlab>/stack/<id or name>/<refresh|deploy>`.
 * Verified against the stack's `webhook_secret`, else the core's; a push to another branch is
 * acknowledged and ignored. An accepted one is an execution by the user "webhook". A delivery
 * acts once: one received again (a replay of captured bytes, or a redelivery) is refused 409.
 */
@Controller('listener')
@UseFilters(HttpErrorFilter)
export class StackWebhookController {
  private readonly deliveries = new DeliveryLog();

  constructor(
    private readonly executions: ExecutionForwarder,
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
    @Inject(KEYRING) private readonly keyring: Keyring,
    @Inject(MONITOR_CONFIG) private readonly config: MonitorConfig,
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
    const rawBody = this.verify(stack, provider, headers, req.rawBody);

    const event = webhookEvent(provider, headers);
    if (!event) {
      throw new ApiError(
        400,
        `the ${EVENT_HEADER[provider]} header is missing: it says what the delivery is (push, ping...)`,
        'VALIDATION',
      );
    }
    this.actOnce(`${provider}/stack/${stack.id}/${action}`, provider, headers, rawBody, payload);
    if (event === 'ping') return { ignored: true, message: 'pong' };
    if (event !== 'push') {
      return { ignored: true, message: `'${event}' events are ignored: only pushes act` };
    }
    const branch = pushedBranch(payload);
    const { branch: follows } = gitSource(stack, (id) => this.readModel.resource('Repo', id));
    if (branch !== follows) {
      return {
        ignored: true,
        message: `a push to '${branch ?? 'no branch'}' is ignored: Stack '${stack.name}' follows '${follows}'`,
      };
    }
    const operation =
      action === 'refresh'
        ? 'RefreshStackCache'
        : stack.config.webhook_force_deploy
          ? 'DeployStack'
          : 'DeployStackIfChanged';
    const meta: CommandMeta = { userId: 'webhook', via: 'webhook', correlationId: newId() };
    return this.executions.run('Stack', operation, { stack: stack.id }, meta);
  }

  private verify(
    stack: Resource<'Stack'>,
    provider: GitProvider,
    headers: Record<string, string | string[] | undefined>,
    rawBody: Buffer | undefined,
  ): Buffer {
    if (!stack.config.webhook_enabled) {
      throw new ApiError(
        403,
        `webhooks are disabled for Stack '${stack.name}': set webhook_enabled`,
        'FORBIDDEN',
      );
    }
    const own = stack.config.webhook_secret;
    const secret =
      (isSealed(own) ? this.keyring.open(own) : String(own ?? '')) || this.config.webhook_secret;
    if (!secret) {
      throw new ApiError(
        403,
        `Stack '${stack.name}' has no webhook secret: set its webhook_secret or the core's webhook_secret`,
        'FORBIDDEN',
      );
    }
    if (!rawBody) throw new ApiError(400, 'the webhook has no JSON body', 'VALIDATION');
    const problem = webhookAuthProblem(provider, headers, rawBody, secret);
    if (problem) throw new ApiError(401, problem, 'UNAUTHENTICATED');
    return rawBody;
  }

  /**
   * 409 rather than a 202 that ignores it: the sender sees that this delivery did nothing, and
   * a replay shows as a failure in the provider's delivery log, where someone will notice it.
   */
  private actOnce(
    target: string,
    provider: GitProvider,
    headers: Record<string, string | string[] | undefined>,
    body: Buffer,
    payload: unknown,
  ): void {
    const id = deliveryId(provider, headers);
    const pushed = pushedAt(payload);
    if (pushed !== undefined && pushed < Date.now() - DELIVERY_MEMORY_MS) {
      throw new ApiError(
        409,
        `this push is from ${new Date(pushed).toISOString()}: a delivery acts only within 24 h of its push; deploy from Monitor instead`,
        'CONFLICT',
      );
    }
    const first = this.deliveries.firstReceived({ target, id, body });
    if (first !== undefined) {
      throw new ApiError(
        409,
        `delivery ${id ? `'${id}' ` : ''}was already received at ${new Date(first).toISOString()}: a delivery acts once; deploy from Monitor to run it again`,
        'CONFLICT',
      );
    }
  }
}
