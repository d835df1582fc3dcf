import { Inject, Injectable } from '@nestjs/common';
import { callAgent, type AgentAddress } from '@monitor/agent-client';
import { AGENT } from '@monitor/contracts';
import { RunningExecutions } from '@monitor/executions';
import type { ReadModel } from '@monitor/projections';
import { READ_MODEL } from '@monitor/runtime';

/** The BuildRepos this process runs now, by Repo id: a CancelRepoBuild on any replica aborts one. */
@Injectable()
export class RunningRepoBuilds extends RunningExecutions {
  constructor(@Inject(READ_MODEL) readModel: ReadModel) {
    super(readModel, { operation: 'CancelRepoBuild', target: 'Repo' });
  }
}

/**
 * Stops a Repo's run on the agent (its clone and commands, run under the Repo's id), for the
 * cancel's log. A run not started there yet (404) stops anyway, once the agent answers.
 */
export async function stopRepoRun(agent: AgentAddress, repoId: string): Promise<string> {
  try {
    await callAgent(agent, AGENT.CancelRepoRun.name, { id: repoId }, 10_000);
    return "the agent's clone and commands were stopped";
  } catch (error) {
    return `the agent had nothing to stop (${(error as Error).message})`;
  }
}
