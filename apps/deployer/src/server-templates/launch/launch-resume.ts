import type { InstanceTerminations, Terminate } from '@monitor/cloud';
import { unfinishedLaunch, type ServerLaunch, type ServerTemplateConfig } from '@monitor/domain';
import type { EventStore } from '@monitor/eventstore';
import { systemMeta } from '@monitor/resources';
import type { LaunchTiming } from './cloud-machines';
import { cleanUpLaunch, terminateUnfinished } from './launch-cleanup';
import type { LaunchCredentialsResolver } from './launch-credentials';
import { LaunchNames } from './launch-names';
import { LaunchRecord, readLaunch } from './launch-record';
import { openMachines } from './open-machines';

const PAGE = 1000;

export interface ResumedLaunch {
  updateId: string;
  outcome: string;
}

/**
 * At start: the launches a stopped deployer left unfinished (no Server, no cleanup) are failed
 * at the step they were in and what they made is removed; cleanups whose alert is still open
 * are retried in the background. Nothing is launched again.
 */
export class LaunchResume {
  private readonly names: LaunchNames;

  constructor(
    private readonly store: EventStore,
    private readonly credentials: LaunchCredentialsResolver,
    private readonly terminations: InstanceTerminations,
    private readonly timing: LaunchTiming,
  ) {
    this.names = new LaunchNames(store);
  }

  /**
   * `startedBefore`: only launches requested before then (this process's start), so that a
   * launch another replica began since is left to it, as the runner's interruptUnfinished.
   */
  async resumeUnfinished(startedBefore = Infinity): Promise<ResumedLaunch[]> {
    const resumed: ResumedLaunch[] = [];
    for (const updateId of await this.launchIds(startedBefore)) {
      const state = await readLaunch(this.store, updateId);
      if (state.status !== 'Active') continue;
      // A launch that stopped without its Server no longer owns the name it reserved.
      if (state.launch.phase !== 'Launched')
        await this.names.release(state.launch.serverName, updateId);
      const unfinished = unfinishedLaunch(state);
      if (!unfinished) continue;
      // An open alert's retry belongs to `terminations.resume` below.
      if (state.launch.cleanup?.status === 'CleanupFailed') continue;
      const record = new LaunchRecord(this.store, updateId, systemMeta());
      if (unfinished.failAt)
        await record.apply({
          type: 'Fail',
          step: unfinished.failAt,
          reason: 'interrupted: the deployer stopped during this step',
        });
      const machines = await this.machinesOf(state.launch);
      try {
        const outcome = await cleanUpLaunch(unfinished, machines, record, this.terminations);
        resumed.push({ updateId, outcome: outcome.log });
      } finally {
        machines.close();
      }
    }
    this.terminations.resume((updateId) => this.retryCleanup(updateId));
    return resumed;
  }

  private retryCleanup(updateId: string): Terminate {
    return async () => {
      const state = await readLaunch(this.store, updateId);
      const unfinished = unfinishedLaunch(state);
      if (!unfinished || state.status !== 'Active') return 'already cleaned up';
      const machines = await this.machinesOf(state.launch);
      const record = new LaunchRecord(this.store, updateId, systemMeta());
      try {
        return await terminateUnfinished(unfinished, machines, record)();
      } finally {
        machines.close();
      }
    };
  }

  /** The provider's side of a recorded launch: its template as recorded, its credentials now. */
  private async machinesOf(launch: ServerLaunch) {
    const config = {
      type: launch.template.type,
      params: { ...launch.template.params, user_data: '' },
    } as ServerTemplateConfig;
    const credentials = this.credentials.resolve(config);
    return openMachines(config, credentials, launch.serverName, launch.updateId, this.timing);
  }

  /** Every launch's Update id: read once at start, page by page. */
  private async launchIds(startedBefore: number): Promise<string[]> {
    const ids = new Set<string>();
    for (let after = 0; ;) {
      const page = await this.store.readAll(after, PAGE);
      for (const event of page)
        if (event.type === 'ServerLaunchRequested' && requestedAt(event.data) < startedBefore)
          ids.add(event.stream.slice('serverlaunch-'.length));
      if (page.length < PAGE) return [...ids];
      after = page[page.length - 1].position;
    }
  }
}

const requestedAt = (data: unknown) => (data as { ts: number }).ts;
