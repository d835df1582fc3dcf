import { rotateAgentPasskey, type AgentAddress } from '@monitor/agent-client';
import { messageOf, waitForAgent, type InstanceTerminations } from '@monitor/cloud';
import {
  completeServerTemplateConfig,
  launchedTemplate,
  unfinishedLaunch,
  type ServerTemplateConfig,
  type VariableValue,
} from '@monitor/domain';
import type { EventStore } from '@monitor/eventstore';
import { StageFailed, type ExecutionContext } from '@monitor/executions';
import type { ReadModel } from '@monitor/projections';
import type { CommandMeta } from '@monitor/resources';
import { instanceWait, type CloudMachines, type LaunchTiming } from './cloud-machines';
import { cleanUpLaunch } from './launch-cleanup';
import type { LaunchCredentialsResolver } from './launch-credentials';
import { prepareLaunch } from './launch-preparation';
import { launchOnce, launchStage } from './launch-stage';
import { LaunchRecord } from './launch-record';
import { openMachines } from './open-machines';
import type { LaunchedServerRecorder } from './launched-server';

export interface ServerLaunchDeps {
  store: EventStore;
  readModel: ReadModel;
  credentials: LaunchCredentialsResolver;
  terminations: InstanceTerminations;
  servers: LaunchedServerRecorder;
  timing: LaunchTiming;
}

/** The launch's own: its Update (which names its record and marks), who asked, the variables. */
export interface LaunchRequest {
  updateId: string;
  meta: CommandMeta;
  lookup: (name: string) => VariableValue | undefined;
  /** The id the new Server's name was reserved for before the launch started. */
  serverId?: string;
}

export interface TemplateToLaunch {
  id: string;
  name: string;
  config: ServerTemplateConfig;
}

export interface LaunchedServer {
  serverId: string;
  instanceId: string;
  address: string;
  /** With https: the pinned fingerprint of the agent's certificate. */
  fingerprint?: string;
}

/**
 * Launches a cloud server from a ServerTemplate, one Update stage per step, each step written
 * to the launch's record before the next: nothing is spent before every check passed; the
 * launch call is made once (its mark finds what an unclear answer made); once the agent
 * answers over the pinned connection its single-use passkey is replaced and the Server
 * created. A failure after the launch call removes what was launched (alerted and retried
 * when that fails), and the stages say which step failed and how the cleanup ended.
 */
export class ServerLaunch {
  constructor(private readonly deps: ServerLaunchDeps) {}

  async run(
    template: TemplateToLaunch,
    serverName: string,
    ctx: ExecutionContext,
    request: LaunchRequest,
  ): Promise<LaunchedServer> {
    const config = completeServerTemplateConfig(template.config);
    const record = new LaunchRecord(this.deps.store, request.updateId, request.meta);
    await record.apply({
      type: 'Request',
      updateId: request.updateId,
      serverName,
      provider: config.type,
      template: launchedTemplate({ ...template, config }),
    });
    const prepared = await launchStage(record, ctx, 'prepare', 'check and render', async () => {
      const done = await prepareLaunch(config, serverName, ctx, {
        readModel: this.deps.readModel,
        credentials: this.deps.credentials,
        lookup: request.lookup,
      });
      return { value: done, stdout: done.log };
    });
    const machines = await openMachines(
      config,
      prepared.credentials,
      serverName,
      request.updateId,
      this.deps.timing,
    ).catch(async (error: unknown) => {
      await record.apply({ type: 'Fail', step: 'prepare', reason: messageOf(error) });
      throw error;
    });
    try {
      return await this.launch(config, serverName, ctx, request, record, machines, prepared);
    } catch (error) {
      await this.cleanUp(record, machines, ctx);
      throw error;
    } finally {
      machines.close();
    }
  }

  private async launch(
    config: ServerTemplateConfig,
    serverName: string,
    ctx: ExecutionContext,
    request: LaunchRequest,
    record: LaunchRecord,
    machines: CloudMachines,
    prepared: Awaited<ReturnType<typeof prepareLaunch>>,
  ): Promise<LaunchedServer> {
    const p = config.params;
    const region = config.type === 'Aws' ? config.params.region : undefined;
    if (config.type === 'Hetzner' && config.params.volumes.length)
      await launchStage(record, ctx, 'create volumes', 'POST /v1/volumes', async () => {
        await machines.createVolumes((volumeId) =>
          record.apply({ type: 'RecordVolume', volumeId }).then(() => undefined),
        );
        return { value: undefined, stdout: `volumes: ${(await record.read()).volumes.join(', ')}` };
      });
    const instanceId = await launchStage(record, ctx, 'launch', machines.description, async () => {
      const { id, how } = await launchOnce(machines, prepared.userData);
      await record.apply({ type: 'RecordInstance', instanceId: id, ...(region ? { region } : {}) });
      return { value: id, stdout: `instance ${id} ${how}` };
    });
    const host = await launchStage(
      record,
      ctx,
      'wait for instance',
      `wait for ${instanceId}`,
      async () => {
        const ip = await machines.waitRunning(instanceId);
        const address = `${p.use_https ? 'https' : 'http'}://${ip.includes(':') ? `[${ip}]` : ip}:${p.port}`;
        await record.apply({ type: 'RecordRunning', address });
        return {
          value: address,
          stdout: `instance ${instanceId} is running; its agent: ${address}`,
        };
      },
    );
    const agent: AgentAddress = {
      address: host,
      passkey: prepared.passkey,
      insecureTls: p.use_https,
      ...(prepared.fingerprint ? { pinnedFingerprint: prepared.fingerprint } : {}),
    };
    const version = await launchStage(
      record,
      ctx,
      'wait for agent',
      `GetVersion ${host}`,
      async () => {
        const answered = await waitForAgent(agent, `instance ${instanceId} (${host})`, {
          ...instanceWait(this.deps.timing),
          timeoutMs: this.deps.timing.agentTimeoutMs,
        });
        await record.apply({ type: 'RecordAgentAnswered', version: answered.version });
        const pinned = prepared.fingerprint
          ? ` over the pinned certificate ${prepared.fingerprint}`
          : '';
        return {
          value: answered.version,
          stdout: `the agent answered${pinned}: version ${answered.version}`,
        };
      },
    );
    const passkey = await launchStage(
      record,
      ctx,
      'rotate passkey',
      `RotatePasskey ${host}`,
      async () => {
        const rotated = await rotateAgentPasskey(agent);
        ctx.secret(rotated.passkey);
        await record.apply({ type: 'RecordPasskeyRotated' });
        return { value: rotated.passkey, stdout: 'the user data passkey is refused from now on' };
      },
    );
    return launchStage(record, ctx, 'create server', `CreateServer ${serverName}`, async () => {
      const serverId = await this.deps.servers.create(
        {
          id: request.serverId,
          name: serverName,
          address: host,
          passkey,
          version,
          fingerprint: prepared.fingerprint,
        },
        request.meta,
      );
      await record.apply({ type: 'Complete', serverId });
      const launched: LaunchedServer = {
        serverId,
        instanceId,
        address: host,
        ...(prepared.fingerprint ? { fingerprint: prepared.fingerprint } : {}),
      };
      return { value: launched, stdout: `Server '${serverName}' (${serverId}) created` };
    });
  }

  private async cleanUp(record: LaunchRecord, machines: CloudMachines, ctx: ExecutionContext) {
    const launch = await record.read();
    const unfinished = unfinishedLaunch({ status: 'Active', launch });
    if (!unfinished) return;
    const failed = launch.failure ? `launch failed at '${launch.failure.step}'` : 'launch failed';
    await ctx
      .stage('clean up', `remove what launch ${launch.updateId} made`, async () => {
        const outcome = await cleanUpLaunch(unfinished, machines, record, this.deps.terminations);
        const log = `${failed}; ${outcome.log}`;
        return outcome.cleaned ? { stdout: log } : { stderr: log, success: false };
      })
      // A failed cleanup is its stage's log and its alert; the launch's own error goes on.
      .catch((error: unknown) => {
        if (!(error instanceof StageFailed)) throw error;
      });
  }
}
