import { Inject, Injectable } from '@nestjs/common';
import { REQUESTS, validateConfig, validateDto, type AnyEntry } from '@monitor/contracts';
import {
  cyclePath,
  describeExecution,
  executionPath,
  executionsOf,
  KOMODO_EXECUTIONS,
  procedureCycles,
  referencedResources,
  RUNNER_EXECUTIONS,
  runnerParamProblem,
  withTargets,
  type ExecutionAddress,
  type ExecutionReference,
  type PermissionLevel,
  type ProcedureNode,
  type ProcedureStage,
  type Resource,
} from '@monitor/domain';
import { matchesPattern, parsePattern, PatternError } from '@monitor/executions';
import type { ReadModel } from '@monitor/projections';
import { READ_MODEL } from '@monitor/runtime';
import type { Principal } from '../../auth/principal';
import { AccessCheck } from '../access-check';
import { ApiError } from '../api-error';

type Execution = ExecutionAddress & { type: string; params: Record<string, unknown> };

/** The procedure being written: its id once it exists, its name (a batch pattern may match it). */
export interface WrittenProcedure {
  id?: string;
  name: string;
}

/**
 * A Procedure's stages checked whole on write, every execution enabled or not, for admins too:
 * the type is an execution Monitor runs, its params hold (the catalogue's DTO, or the runner's
 * rules for Sleep, None, RunProcedure and RunAction while the catalogue lacks them), what it
 * names exists and the writer may Execute it (as Komodo's validate_config), no cycle runs
 * through RunProcedure. Names are stored as ids, as Komodo does, so renames keep working.
 */
@Injectable()
export class ProcedureCheck {
  constructor(
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
    private readonly access: AccessCheck,
  ) {}

  /** The config to store: `config` with its stages resolved, or a 4xx naming the execution. */
  checked<C extends { stages?: unknown }>(
    principal: Principal,
    config: C,
    self: WrittenProcedure,
  ): C {
    // Checked as the service will store it: Komodo's aliases (`stage`, `execution`) resolved.
    const validated = validateConfig('Procedure', config);
    // A malformed config is the service's 400, which names the field; nothing is stored.
    if (!validated.ok || validated.config.stages === undefined) return config;
    const stages = normalized(validated.config.stages as ProcedureStage[]);
    for (const execution of executionsOf({ stages })) this.execution(principal, execution);
    const resolved = withTargets({ stages }, (reference) => this.target(principal, reference).id);
    this.acyclic({ id: self.id ?? '', name: self.name, config: resolved });
    return { ...validated.config, stages: resolved.stages } as C;
  }

  /** A new name may match a batch pattern that then runs the procedure from inside itself. */
  checkRename(procedure: Resource<'Procedure'>, name: string): void {
    this.acyclic({ id: procedure.id, name, config: procedure.config });
  }

  /**
   * A resource a procedure names cannot be deleted: the procedure would fail at that stage. The
   * procedure is named to a deleter who may read it; to others only its existence is told.
   */
  refuseDeleteOfNamed(principal: Principal, target: Resource): void {
    for (const procedure of this.readModel.list('Procedure')) {
      const named = referencedResources(procedure.config).find(
        (r) => r.kind === target.kind && (r.target === target.id || r.target === target.name),
      );
      if (!named || (target.kind === 'Procedure' && procedure.id === target.id)) continue;
      const seen = principal.can(procedure, 'Read');
      const which = seen
        ? `Procedure '${procedure.name}' runs ${target.kind} '${target.name}' (${describeExecution(named)}: ${named.type})`
        : `a Procedure you cannot read runs ${target.kind} '${target.name}'`;
      throw new ApiError(
        409,
        `${which}: remove it from the procedure first`,
        'CONFLICT',
        seen ? { procedure: procedure.name, field: named.path } : undefined,
      );
    }
  }

  private execution(principal: Principal, execution: Execution) {
    const { type, params } = execution;
    const entry = this.entry(type);
    if (!entry && !(RUNNER_EXECUTIONS as readonly string[]).includes(type)) {
      const known = (KOMODO_EXECUTIONS as readonly string[]).includes(type);
      throw this.invalid(
        execution,
        '.type',
        known ? `Monitor does not run '${type}' yet` : `'${type}' is not an execution`,
      );
    }
    const problem = entry ? this.dtoProblem(entry, params) : runnerParamProblem(type, params);
    if (problem)
      throw this.invalid(
        execution,
        `.params.${problem.param}`,
        `${problem.param} ${problem.message}`,
      );
    if (!type.startsWith('Batch')) return;
    if (!principal.isAdmin)
      // As Komodo: a batch's pattern picks resources nobody checked when it was written.
      throw new ApiError(
        403,
        `${describeExecution(execution)}: only admins may put a Batch execution (${type}) in a procedure, as in Komodo`,
        'FORBIDDEN',
        { field: executionPath(execution, '.type') },
      );
    try {
      parsePattern(String(params.pattern));
    } catch (error) {
      if (!(error instanceof PatternError)) throw error;
      throw this.invalid(execution, '.params.pattern', `pattern ${error.message}`);
    }
  }

  /**
   * The resource an execution names, by id or name. One the writer cannot read is answered as
   * missing, so the answer does not tell it exists; one they can read without the level the
   * execution needs (Execute, as Komodo checks on write) is a 403.
   */
  private target(principal: Principal, reference: ExecutionReference): Resource {
    const resource = this.readModel.resource(reference.kind, reference.target);
    const where = describeExecution(reference);
    if (!resource || !principal.can(resource, 'Read'))
      throw new ApiError(
        400,
        `${where}: no ${reference.kind} '${reference.target}' exists (${reference.path})`,
        'VALIDATION',
        { field: reference.path },
      );
    const { level, specific } = this.needed(reference);
    const held = this.access.specifics(principal, resource);
    const missing = specific.filter((s) => !held.includes(s));
    if (principal.can(resource, level) && !missing.length) return resource;
    throw new ApiError(
      403,
      `${where}: running ${reference.type} needs ${[level, ...missing].join(' and ')} on ${resource.kind} '${resource.name}' (you have ${principal.level(resource)}; ${reference.path})`,
      'FORBIDDEN',
      { field: reference.path },
    );
  }

  private acyclic(written: ProcedureNode) {
    const others = this.readModel
      .list('Procedure')
      .filter((p) => p.id !== written.id)
      .map(({ id, name, config }): ProcedureNode => ({ id, name, config }));
    const cycle = procedureCycles([...others, written], matchesPattern).find((c) =>
      c.includes(written.name),
    );
    if (!cycle) return;
    const start = cycle.indexOf(written.name);
    const path = [...cycle.slice(start, -1), ...cycle.slice(0, start), written.name];
    const execution = executionsOf(written.config).find(({ type, params }) =>
      this.runs(type, params, path[1]),
    );
    const where = execution ? `${describeExecution(execution)}: ` : '';
    throw new ApiError(
      400,
      `${where}procedures would run each other in a cycle: ${cyclePath(path)}`,
      'VALIDATION',
      { field: execution ? executionPath(execution, '.params') : 'stages', cycle: path },
    );
  }

  /** Whether an execution runs the procedure named `name`. */
  private runs(type: string, params: Record<string, unknown>, name: string): boolean {
    if (type === 'BatchRunProcedure') return matchesPattern(String(params.pattern), name);
    if (type !== 'RunProcedure' || typeof params.procedure !== 'string') return false;
    return this.readModel.resource('Procedure', params.procedure)?.name === name;
  }

  private needed(reference: ExecutionReference) {
    const access = this.entry(reference.type)?.access;
    if (access?.type === 'resource' && access.param === reference.param)
      return { level: access.level, specific: [...(access.specific ?? [])] };
    return { level: 'Execute' as PermissionLevel, specific: [] };
  }

  /** The catalogue's execute request a procedure may hold: one naming a resource, or a batch. */
  private entry(type: string): AnyEntry | undefined {
    const entry = Object.hasOwn(REQUESTS.execute, type)
      ? (REQUESTS.execute as Record<string, AnyEntry>)[type]
      : undefined;
    if (!entry) return undefined;
    const names = entry.access.type === 'resource' && entry.access.kind !== undefined;
    return names || type.startsWith('Batch') ? entry : undefined;
  }

  private dtoProblem(entry: AnyEntry, params: Record<string, unknown>) {
    const validated = validateDto(entry.dto, params);
    if (validated.ok) return undefined;
    const [{ field, message }] = validated.errors;
    return {
      param: field,
      message: message.startsWith(field) ? message.slice(field.length).trim() : message,
    };
  }

  private invalid(execution: Execution, rest: string, message: string) {
    const field = executionPath(execution, rest);
    return new ApiError(
      400,
      `${describeExecution(execution)}: ${message} (${field})`,
      'VALIDATION',
      {
        field,
      },
    );
  }
}

/** Komodo's defaults for what a partial stage leaves out: enabled, no executions, empty params. */
function normalized(stages: ProcedureStage[]): ProcedureStage[] {
  return stages.map((stage) => ({
    ...stage,
    name: stage.name ?? '',
    enabled: stage.enabled ?? true,
    executions: (stage.executions ?? []).map((e) => ({
      ...e,
      enabled: e.enabled ?? true,
      execution: { type: e.execution.type, params: e.execution.params ?? {} },
    })),
  }));
}
