import { Inject, Injectable } from '@nestjs/common';
import {
  collectContainerName,
  buildPowers,
  deploymentPowers,
  getPath,
  hostAccessProblem,
  isOfKind,
  joinedContainers,
  KIND_SPECS,
  mayUseVariable,
  namingFields,
  variableReferences,
  variableUserSubject,
  repoPowers,
  stackPowers,
  unknownVariables,
  type Resource,
  type ResourceKind,
  type ServerConfig,
} from '@monitor/domain';
import type { ReadModel } from '@monitor/projections';
import { READ_MODEL } from '@monitor/runtime';
import type { Principal } from '../../auth/principal';
import { checkTemplateCloudAccount } from '../../settings/cloud-account-check';
import { AccessCheck } from '../access-check';
import { ApiError } from '../api-error';

type Config = Record<string, unknown>;

/** Server fields that hand over the host: where the core sends its requests, and the policy. */
const HOST_CONTROL_FIELDS = [
  'address',
  'passkey',
  'user_host_powers',
  'user_bind_paths',
] as const satisfies readonly (keyof ServerConfig)[];

/**
 * What a config may point at and ask for, beyond the right to write the resource itself
 * (checked before the write reaches its service, which still validates the values):
 * - a reference to a Server, Builder, Build or Repo needs Write on it, or Read with `Attach`;
 * - joining another Deployment's container needs Write on that Deployment;
 * - what equals root on the host (`hostPowers`) needs `Terminal` on its Server, beyond what
 *   the Server's policy lets everyone use;
 * - a Server's address, passkey and policy need `Terminal` on it;
 * - a secret variable (`[[NAME]]`) needs a grant of its use.
 * Admins hold all of these.
 */
@Injectable()
export class WriteRights {
  constructor(
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
    private readonly access: AccessCheck,
  ) {}

  /**
   * `given`: the fields the caller sets (a whole config on create and copy); `result`: the
   * config as it will be; `current`: the resource before an update.
   */
  check(
    principal: Principal,
    kind: ResourceKind,
    given: Config,
    result: Config,
    current?: Resource,
  ): void {
    if (kind === 'Alerter') this.knownVariables(given);
    if (kind === 'ServerTemplate') checkTemplateCloudAccount(this.readModel, given, result);
    if (principal.isAdmin) return;
    this.references(principal, kind, given, result);
    if (kind === 'Deployment') this.joined(principal, result);
    if (kind === 'Deployment' || kind === 'Stack' || kind === 'Repo')
      this.hostPowers(principal, kind, result);
    if (kind === 'Build' || kind === 'Repo') this.builderPowers(principal, kind, result);
    if (current && isOfKind(current, 'Server')) this.hostControl(principal, given, current);
    this.secretsUsed(principal, result);
  }

  /**
   * An Alerter's `[[VARIABLES]]` are filled in at send time, long after the write: one that does
   * not exist would make every delivery fail, so it is refused now, for admins too.
   */
  private knownVariables(given: Config) {
    const [unknown] = unknownVariables(given, (name) => !!this.readModel.settings.variable(name));
    if (unknown)
      throw new ApiError(
        400,
        `${unknown.field}: [[${unknown.name}]] is not a variable (CreateVariable first)`,
        'VALIDATION',
        { field: unknown.field },
      );
  }

  /** A secret variable in the config the writer may not use: its executions could print it. */
  private secretsUsed(principal: Principal, result: Config) {
    const groups = this.readModel.identity.groupsOf(principal.id);
    const subject = variableUserSubject(principal.user, groups);
    for (const { name, field } of variableReferences(result)) {
      const variable = this.readModel.settings.variable(name);
      if (variable && !mayUseVariable(subject, variable)) {
        throw new ApiError(
          403,
          `${field}: [[${name}]] is a secret variable you may not use; an admin can grant its use (UpdateVariablePermission)`,
          'FORBIDDEN',
        );
      }
    }
  }

  private references(principal: Principal, kind: ResourceKind, given: Config, result: Config) {
    for (const spec of KIND_SPECS[kind].references) {
      if (spec.when && getPath(result, spec.when.path) !== spec.when.equals) continue;
      const value = getPath(given, spec.path);
      const field = `config.${spec.path.join('.')}`;
      for (const target of Array.isArray(value) ? value : [value]) {
        if (typeof target !== 'string' || !target) continue;
        const resource = this.readModel.resource(spec.kind, target);
        // An unknown reference is the owning service's 400, with the field named.
        if (resource) this.requireAttach(principal, resource, field, kind);
      }
    }
  }

  private requireAttach(principal: Principal, target: Resource, field: string, kind: string) {
    if (principal.can(target, 'Write')) return;
    const attach = this.access.specifics(principal, target).includes('Attach');
    if (principal.can(target, 'Read') && attach) return;
    throw new ApiError(
      403,
      `${field}: you need Attach (with Read) or Write on ${target.kind} '${target.name}' to point a ${kind} at it (you have ${principal.level(target)}${attach ? '' : ', without Attach'})`,
      'FORBIDDEN',
    );
  }

  private joined(principal: Principal, result: Config) {
    const serverId = this.server(result)?.id;
    for (const name of joinedContainers(result)) {
      const owner = this.readModel
        .list('Deployment')
        .find((d) => this.containerOf(d) === name && this.server(d.config)?.id === serverId);
      if (owner && !principal.can(owner, 'Write')) {
        throw new ApiError(
          403,
          `config.network: joining container '${name}' reaches into Deployment '${owner.name}': you need Write on it (you have ${principal.level(owner)})`,
          'FORBIDDEN',
        );
      }
    }
  }

  private hostPowers(principal: Principal, kind: 'Deployment' | 'Stack' | 'Repo', result: Config) {
    const server = this.server(result);
    if (!server) return;
    const powers = { Deployment: deploymentPowers, Stack: stackPowers, Repo: repoPowers }[kind](
      result,
    );
    const terminal = this.access.specifics(principal, server).includes('Terminal');
    const problem = hostAccessProblem(powers, server.config, terminal);
    if (!problem) return;
    const allowed = problem.policy ? ` (its policy lets everyone use: ${problem.policy})` : '';
    throw new ApiError(
      403,
      `this ${kind} asks for what equals root on Server '${server.name}' — ${problem.described} — which needs Terminal on that server${allowed}`,
      'FORBIDDEN',
      { powers: problem.powers },
    );
  }

  /**
   * A Build's pre-build command, and a Repo's on_clone and on_pull when BuildRepo clones it on
   * its builder, run on the builder's host: on each Server a Server builder may build on, as for
   * a Repo there; on a Url or Aws builder's machine, which no Server stands for, with `Terminal`
   * on the Builder itself.
   */
  private builderPowers(principal: Principal, kind: 'Build' | 'Repo', result: Config) {
    const id = typeof result.builder_id === 'string' ? result.builder_id : '';
    const builder = id ? this.readModel.resource('Builder', id) : undefined;
    const powers = kind === 'Build' ? buildPowers(result) : repoPowers(result);
    if (!builder || !powers.length) return;
    const hosts: Resource[] =
      builder.config.type === 'Server'
        ? builder.config.params.server_ids.flatMap(
            (s) => this.readModel.resource('Server', s) ?? [],
          )
        : [builder];
    for (const host of hosts) {
      const terminal = this.access.specifics(principal, host).includes('Terminal');
      const policy = isOfKind(host, 'Server') ? host.config : {};
      const problem = hostAccessProblem(powers, policy, terminal);
      if (!problem) continue;
      throw new ApiError(
        403,
        `this ${kind} asks for what equals root on ${host.kind} '${host.name}' (its builder '${builder.name}') — ${problem.described} — which needs Terminal on it`,
        'FORBIDDEN',
        { powers: problem.powers },
      );
    }
  }

  private hostControl(principal: Principal, given: Config, current: Resource<'Server'>) {
    const changed = HOST_CONTROL_FIELDS.filter(
      (field) =>
        field in given && JSON.stringify(given[field]) !== JSON.stringify(current.config[field]),
    );
    if (!changed.length || this.access.specifics(principal, current).includes('Terminal')) return;
    throw new ApiError(
      403,
      `config.${changed[0]}: changing ${changed.join(', ')} of Server '${current.name}' hands over its host, which needs Terminal on it`,
      'FORBIDDEN',
    );
  }

  private server(config: object): Resource<'Server'> | undefined {
    const id = namingFields(config).server_id;
    return id ? this.readModel.resource('Server', id) : undefined;
  }

  private containerOf(deployment: Resource<'Deployment'>): string {
    return collectContainerName(deployment.config.custom_name, deployment.name).value;
  }
}
