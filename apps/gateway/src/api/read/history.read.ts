import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { HISTORY_REQUESTS } from '@monitor/contracts';
import {
  parseResourceEventType,
  replayResource,
  resourceStream,
  RESOURCE_KINDS,
  type ResourceKind,
} from '@monitor/domain';
import type { EventStore, StoredEvent } from '@monitor/eventstore';
import type { ReadModel } from '@monitor/projections';
import { EVENT_STORE, READ_MODEL } from '@monitor/runtime';
import { maskSealed } from '@monitor/secrets';
import { requireHistoryTarget } from '../../auth/history-access';
import type { Principal } from '../../auth/principal';
import { ApiError } from '../api-error';
import { toKomodoResource } from '../komodo-shapes';
import { RequestRegistry } from '../request-registry';

/**
 * A resource's own event stream: its history, and the resource as it was at any point. A
 * deleted resource's too, found by its id only, for admins and whoever could read it when it
 * was deleted: the handlers check access themselves (see auth/history-access), since the
 * shared resource check knows live resources only.
 */
@Injectable()
export class HistoryReads implements OnModuleInit {
  constructor(
    private readonly registry: RequestRegistry,
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  onModuleInit(): void {
    this.registry.handle(HISTORY_REQUESTS.GetResourceHistory, async ({ target }, { principal }) =>
      (await this.events(principal, target.type, target.id)).map(historyEntry),
    );
    this.registry.handle(
      HISTORY_REQUESTS.GetResourceAt,
      async ({ target, revision, at }, { principal }) => {
        const events = await this.events(principal, target.type, target.id);
        const upTo = events.filter(
          (e) =>
            (revision === undefined || e.revision <= revision) &&
            (at === undefined || e.metadata.at <= at),
        );
        const state = replayResource(upTo.map((e) => ({ ...e, at: e.metadata.at })));
        if (state.status === 'Empty') {
          throw new ApiError(
            404,
            `${target.type} '${target.id}' did not exist at that point`,
            'NOT_FOUND',
          );
        }
        return {
          ...toKomodoResource(state.resource),
          revision: state.resource.revision,
          deleted: state.status === 'Deleted',
        };
      },
    );
  }

  /** The target's stream, read by the id its access was checked on. */
  private async events(
    principal: Principal,
    kind: ResourceKind,
    idOrName: string,
  ): Promise<StoredEvent[]> {
    const { resource } = requireHistoryTarget(principal, this.readModel, kind, idOrName);
    return this.store.readStream(resourceStream(kind, resource.id));
  }
}

function historyEntry(event: StoredEvent) {
  const action = parseResourceEventType(event.type, RESOURCE_KINDS)?.action;
  const data = maskSealed(event.data) as Record<string, unknown>;
  return {
    revision: event.revision,
    type: event.type,
    at: event.metadata.at,
    user: event.metadata.userId,
    via: event.metadata.via,
    correlation_id: event.metadata.correlationId,
    causation_id: event.metadata.causationId,
    origin: event.metadata.origin,
    diff: action === 'ConfigUpdated' ? data.diff : action === 'Created' ? undefined : data,
  };
}
