import { createHash } from 'node:crypto';
import { AGENT, type ComposeUpParams } from '@monitor/contracts';
import type { IfChangedPlan, Resource, ServiceSelection, StackHashes } from '@monitor/domain';
import type { ExecutionContext, ServerAgents } from '@monitor/executions';
import { AGENT_TIMEOUT } from './stack-layout';
import type { PreparedStack } from './stack-source';

/**
 * What decides "changed", as in Komodo: the compose files and tracked env files as read
 * (secrets masked) with the environment as written in the config, in one hash; each of
 * `config_files` in a hash of its own, since each requires its own action. A commit that
 * leaves them alone changes nothing.
 */
export function stackHashes(prepared: PreparedStack, environment: string): StackHashes {
  const configPaths = new Set(prepared.layout.config_files.map((f) => f.path));
  const compose = prepared.contents.filter((f) => !configPaths.has(f.path));
  return {
    contents_hash: sha256(JSON.stringify([compose, environment])),
    config_hashes: Object.fromEntries(
      prepared.contents
        .filter((f) => configPaths.has(f.path))
        .map((f) => [f.path, sha256(f.contents)]),
    ),
  };
}

/** The `check for changes` stage's words for a plan. */
export function describePlan(plan: IfChangedPlan, lastCommit: unknown): string {
  const commit = lastCommit ? ` (commit ${String(lastCommit).slice(0, 8)})` : '';
  switch (plan.kind) {
    case 'deploy':
      return plan.reason === 'never deployed'
        ? 'never deployed: deploying'
        : `the files or environment changed since the last deploy${commit}: deploying`;
    case 'nothing':
      return `nothing changed since the last deploy${commit}: nothing to do`;
    case 'config':
      return [
        `config files changed since the last deploy${commit}: ${plan.changed.join(', ')}`,
        `recreate: ${named(plan.redeploy)}`,
        `restart: ${named(plan.restart)}`,
      ].join('\n');
  }
}

/** Config files changed alone: recreate or restart the services they name, nothing else. */
export async function applyConfigChanges(
  agents: ServerAgents,
  ctx: ExecutionContext,
  server: Resource<'Server'>,
  target: ComposeUpParams,
  plan: Extract<IfChangedPlan, { kind: 'config' }>,
  extraArgs: string[],
): Promise<void> {
  const services = (selection: ServiceSelection) => (selection === 'all' ? undefined : selection);
  if (plan.redeploy === 'all' || plan.redeploy.length) {
    const up = await agents.stream(
      AGENT.ComposeUp,
      server,
      ctx.output,
      {
        ...target,
        services: services(plan.redeploy),
        extra_args: [...extraArgs, '--force-recreate'],
      },
      AGENT_TIMEOUT,
    );
    await ctx.appendLogs(up.logs);
    if (!up.success) return;
  }
  if (plan.restart === 'all' || plan.restart.length) {
    // A restart pulls and builds nothing: no registry account, no build.
    const {
      registry: _registry,
      run_build: _build,
      build_extra_args: _args,
      ...noAccount
    } = target;
    const restart = await agents.stream(
      AGENT.ComposeRestart,
      server,
      ctx.output,
      { ...noAccount, services: services(plan.restart) },
      AGENT_TIMEOUT,
    );
    await ctx.appendLogs([restart]);
  }
}

function named(services: ServiceSelection): string {
  if (services === 'all') return 'every service';
  return services.length ? services.join(', ') : 'none';
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
