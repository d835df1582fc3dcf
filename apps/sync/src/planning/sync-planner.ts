import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  createPlanMemo,
  planSync,
  renderSyncInfo,
  RESOURCE_KINDS,
  type PlanInput,
  type Resource,
  type SyncPending,
  type SyncPlan,
  type SyncProblem,
} from '@monitor/domain';
import type { ReadModel } from '@monitor/projections';
import { KEYRING, READ_MODEL } from '@monitor/runtime';
import { isSealed, Redactor, type Keyring } from '@monitor/secrets';
import { formatProblem, hasErrors, readSyncFiles } from '../reading';
import { SyncFiles, type SyncFilesRead } from '../sources/sync-files';
import { LookupCache } from './lookup-cache';
import { ViewRenderer } from './view-renderer';

/** A sync's files read and planned: the plan only when the files hold no error. */
export interface PlannedSync {
  read: SyncFilesRead;
  problems: SyncProblem[];
  plan?: SyncPlan;
  /** What a refresh stores: the plan as shown (secrets masked), or why there is none. */
  pending: SyncPending;
}

/**
 * Reads a sync's files, checks them, and plans them against what exists now: the one path a
 * refresh, a RunSync and a webhook share, so what is reviewed is what is applied.
 */
@Injectable()
export class SyncPlanner {
  /** What one plan works out of configs that do not change, kept for the next (and their TOML). */
  private readonly memo = createPlanMemo();
  private readonly views = new ViewRenderer();
  private readonly lookups = new LookupCache();

  constructor(
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
    @Inject(KEYRING) private readonly keyring: Keyring,
    private readonly files: SyncFiles,
  ) {}

  async plan(
    sync: Resource<'ResourceSync'>,
    mask: (secret: string) => void,
    only?: PlanInput['only'],
  ): Promise<PlannedSync> {
    const read = await this.files.read(sync, mask);
    const reading = readSyncFiles(read.files, {
      exists: (kind, nameOrId) => this.readModel.resource(kind, nameOrId) !== undefined,
      matchTags: sync.config.match_tags,
    });
    const problems = [...read.problems, ...reading.problems];
    // The files write the secret variables' values in plain text: what a refresh stores and
    // answers of them (and its Update) shows them masked.
    const secrets = reading.declared.variables.flatMap((v) =>
      v.is_secret && v.value ? [v.value] : [],
    );
    secrets.forEach(mask);
    const base = this.basePending(read, new Redactor(secrets));
    if (hasErrors(problems)) {
      const errors = problems.filter((p) => p.severity === 'error');
      const pending_error = errors.map(formatProblem).join('\n');
      return { read, problems, pending: { ...base, pending_error, pending_problems: problems } };
    }
    const plan = planSync(this.input(sync, reading.declared, only));
    const info = renderSyncInfo(plan, { resource: this.views.render }, problems, this.memo);
    return { read, problems, plan, pending: { ...base, ...info } };
  }

  private input(
    sync: Resource<'ResourceSync'>,
    declared: PlanInput['declared'],
    only: PlanInput['only'],
  ): PlanInput {
    const resources = RESOURCE_KINDS.flatMap((kind) => this.readModel.list(kind));
    const identity = this.readModel.identity;
    return {
      declared,
      resources,
      variables: this.readModel.settings.allVariables(),
      userGroups: identity.allGroups(),
      lookup: this.lookups.lookup(
        resources,
        this.readModel.allTags(),
        identity.allUsers().map((u) => ({ id: u.id, username: u.username })),
      ),
      sync: { id: sync.id, config: sync.config },
      only,
      secretMatches: (stored, plaintext) =>
        isSealed(stored) ? this.keyring.open(stored) === plaintext : stored === plaintext,
      hash: (text) => createHash('sha256').update(text).digest('hex'),
      containerState: (kind, id) =>
        (kind === 'Deployment'
          ? this.readModel.deploymentStatus.status(id)
          : this.readModel.stackStatus.status(id)
        )?.state,
      memo: this.memo,
    };
  }

  private basePending(read: SyncFilesRead, secrets: Redactor): SyncPending {
    return {
      pending_commit: read.commit?.hash,
      pending_message: read.commit?.message,
      remote_contents: read.files.map((f) => ({
        resource_path: '',
        path: f.path,
        contents: secrets.redact(f.contents),
      })),
      remote_errors: read.problems.map((p) => ({
        resource_path: '',
        path: p.file,
        contents: secrets.redact(p.message),
      })),
    };
  }
}
