import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { SYNC_REQUESTS } from '@monitor/contracts';
import { renderResourcesToml, type ExportSet } from '@monitor/domain';
import type { ReadModel } from '@monitor/projections';
import { READ_MODEL } from '@monitor/runtime';
import { RequestRegistry } from '../request-registry';
import {
  existingMeta,
  exportNames,
  listableGroups,
  readableResources,
  targetResources,
} from './export-selection';

const S = SYNC_REQUESTS;

/**
 * Komodo's exports to TOML, as a sync's files would declare the same: only what the caller may
 * read (resources with Read; variables, which every user reads, never with a secret's value;
 * user groups as ListUserGroups shows them), defaults left out, references by name.
 */
@Injectable()
export class ExportRequests implements OnModuleInit {
  constructor(
    private readonly registry: RequestRegistry,
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
  ) {}

  onModuleInit(): void {
    this.registry.handle(S.ExportAllResourcesToToml, async (params, { principal }) =>
      this.toml(
        {
          resources:
            params.include_resources === false
              ? []
              : readableResources(this.readModel, principal, params.tags),
          userGroups: params.include_user_groups ? listableGroups(this.readModel, principal) : [],
        },
        params,
      ),
    );
    this.registry.handle(S.ExportResourcesToToml, async (params, { principal }) =>
      this.toml(
        {
          resources: targetResources(this.readModel, principal, params.targets ?? []),
          userGroups: params.user_groups?.length
            ? listableGroups(this.readModel, principal, params.user_groups)
            : [],
        },
        params,
      ),
    );
  }

  private toml(
    set: Omit<ExportSet, 'variables'>,
    params: { include_variables?: boolean; existing?: Record<string, unknown> },
  ): { toml: string } {
    const variables = params.include_variables ? this.readModel.settings.allVariables() : [];
    const toml = renderResourcesToml(
      { ...set, variables },
      exportNames(this.readModel),
      existingMeta(params.existing),
    );
    return { toml };
  }
}
