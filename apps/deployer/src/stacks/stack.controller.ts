import { Inject } from '@nestjs/common';
import type { MonitorConfig } from '@monitor/config';
import { MessagePattern } from '@nestjs/microservices';
import { BusController, execSubject, querySubject, QUEUE_GROUPS } from '@monitor/bus';
import {
  COMPOSE_PREFIX,
  invalid,
  LOG_SEARCH_TAIL,
  notFound,
  searchedLog,
  STACK_DEPLOYS,
  TIMESTAMP_PREFIX,
  type ExecutionLog,
} from '@monitor/domain';
import {
  AGENT,
  DestroyStackDto,
  GetStackLogDto,
  InspectStackContainerDto,
  requireValid,
  SearchStackLogDto,
  StackParamDto,
  STACK_REQUESTS,
  STACK_EXECUTION_FORMS,
  type StackServiceAnswer,
} from '@monitor/contracts';
import type { ReadModel } from '@monitor/projections';
import { knownSecrets, type CommandMeta, type WriteResult } from '@monitor/resources';
import { KEYRING, MONITOR_CONFIG, READ_MODEL, registerMessageHandlers } from '@monitor/runtime';
import { redactLogLines, type Keyring } from '@monitor/secrets';
import { hostSecrets } from '../observation/host-secrets';
import { ServerAgents } from '@monitor/executions';
import { STACK_ACTIONS, StackExecutions, type StackAction } from './stack-executions';
import { toStackServices } from './stack-services';

const queue = QUEUE_GROUPS.deployer;
type Envelope = { params: unknown; meta: CommandMeta };
type ServiceContainer = { service: string; container_name: string };

/** A compose log read with timestamps: `<container>  | <time> `, the two prefixes in turn. */
const STAMPED_COMPOSE_PREFIX = new RegExp(
  `${COMPOSE_PREFIX.source}${TIMESTAMP_PREFIX.source.replace(/^\^/, '')}`,
);

/** `exec.stack.<Execution>` and the stack reads that ask its server's agent. */
@BusController()
export class StackController {
  constructor(
    readonly stacks: StackExecutions,
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
    @Inject(KEYRING) private readonly keyring: Keyring,
    @Inject(MONITOR_CONFIG) private readonly config: MonitorConfig,
    private readonly agents: ServerAgents,
  ) {}

  @MessagePattern(execSubject('Stack', STACK_EXECUTION_FORMS.RefreshStackCache.name), { queue })
  refresh({ params, meta }: Envelope): Promise<WriteResult> {
    return this.stacks.refresh(requireValid(StackParamDto, params).stack, meta);
  }

  @MessagePattern(execSubject('Stack', STACK_REQUESTS.DestroyStack.name), { queue })
  destroy({ params, meta }: Envelope): Promise<WriteResult> {
    const { stack, ...choice } = requireValid(DestroyStackDto, params);
    return this.stacks.destroy(stack, meta, choice);
  }

  @MessagePattern(querySubject(STACK_REQUESTS.ListStackServices.name), { queue })
  async services({ params }: Envelope): Promise<StackServiceAnswer[]> {
    const stack = this.stacks.stack(requireValid(StackParamDto, params).stack);
    return toStackServices(stack, await this.stacks.services(stack.id));
  }

  @MessagePattern(querySubject(STACK_REQUESTS.GetStackLog.name), { queue })
  log({ params }: Envelope) {
    const { stack, tail = 100, services, timestamps } = requireValid(GetStackLogDto, params);
    return this.composeLog(stack, tail, services, timestamps);
  }

  /** Searched here, in the masked log: the agent knows no secrets to mask before it searches. */
  @MessagePattern(querySubject(STACK_REQUESTS.SearchStackLog.name), { queue })
  async search({ params }: Envelope) {
    const {
      stack,
      services,
      terms,
      combinator = 'Or',
      invert = false,
      timestamps,
    } = requireValid(SearchStackLogDto, params);
    const log = await this.composeLog(stack, LOG_SEARCH_TAIL, services, timestamps);
    return searchedLog(log, { terms, combinator, invert }, 'search compose log');
  }

  /**
   * The container of one service, as ComposePs finds it in the stack's project (Komodo: in its
   * services as last polled); the agent inspects it only if it is labelled as this stack's. Its
   * environment holds interpolated secrets: masked, with every secret of Monitor's.
   */
  @MessagePattern(querySubject(STACK_REQUESTS.InspectStackContainer.name), { queue })
  async inspect({ params }: Envelope) {
    const { stack: idOrName, service } = requireValid(InspectStackContainerDto, params);
    const stack = this.stacks.stack(idOrName);
    const services = (await this.stacks.services(stack.id)) as ServiceContainer[];
    const found = services.find((s) => s.service === service);
    if (!found) {
      const running = services.map((s) => s.service).join(', ') || 'none';
      throw notFound(
        `Stack '${stack.name}' has no container for service '${service}' (services with one: ${running}); was the stack deployed?`,
      );
    }
    const server = this.readModel.resource('Server', String(stack.config.server_id ?? ''));
    if (!server)
      throw invalid(`Stack '${stack.name}' has no server`, { field: 'config.server_id' });
    const answer = await this.agents.ask(AGENT.InspectContainer, server, {
      name: found.container_name,
      owner: { kind: 'Stack', id: stack.id },
    });
    return hostSecrets(this.readModel, this.keyring, this.config).redactDeep(answer);
  }

  /**
   * Masked line by line as well: the container's name before every line would cut a secret
   * printed over several lines into lines that each pass (and the time after it, if asked).
   */
  private async composeLog(stack: string, tail: number, services?: string[], timestamps = false) {
    const log = (await this.stacks.log(stack, tail, services, timestamps)) as ExecutionLog;
    const prefix = timestamps ? STAMPED_COMPOSE_PREFIX : COMPOSE_PREFIX;
    return redactLogLines(knownSecrets(this.readModel, this.keyring), log, prefix);
  }
}

registerMessageHandlers(StackController, [
  ...STACK_DEPLOYS.map((operation) => ({
    method: operation,
    subject: execSubject('Stack', STACK_REQUESTS[operation].name),
    queue,
    run(this: StackController, { params, meta }: Envelope) {
      const { stack, ...choice } = requireValid(StackParamDto, params);
      return this.stacks.deploy(stack, meta, operation, choice);
    },
  })),
  ...(Object.keys(STACK_ACTIONS) as StackAction[]).map((action) => ({
    method: action,
    subject: execSubject('Stack', STACK_REQUESTS[action].name),
    queue,
    run(this: StackController, { params, meta }: Envelope) {
      const { stack, ...choice } = requireValid(StackParamDto, params);
      return this.stacks.action(action, stack, meta, choice);
    },
  })),
]);
