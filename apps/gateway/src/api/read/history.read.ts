import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { GetResourceAtDto, GetResourceHistoryDto } from '@monitor/contracts';
import {
  parseResourceEventType,
  replayResource,
  resourceStream,
  RESOURCE_KINDS,
} from '@monitor/domain';
import type { EventStore, StoredEvent } from '@monitor/eventstore';
import { EVENT_STORE } from '@monitor/runtime';
import { maskSealed } from '@monitor/secrets';
import { ApiError } from '../api-error';
import { toKomodoResource } from '../komodo-shapes';
import { request, RequestRegistry } from '../request-registry';
import { ResourceReads } from './resources.read';

/** A resource's own event stream: its history, and the resource as it was at any point. */
@Injectable()
export class HistoryReads implements OnModuleInit {
  constructor(
    private readonly registry: RequestRegistry,
    private readonly resources: ResourceReads,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  onModuleInit(): void {
    this.registry.add(
      request({
        verb: 'read',
        name: 'GetResourceHistory',
        dto: GetResourceHistoryDto,
        access: {
          type: 'resource',
          level: 'Read',
          target: ({ target }) => ({ kind: target.type, id: target.id }),
        },
        handle: async ({ target }) => (await this.events(target.type, target.id)).map(historyEntry),
      }),
      request({
        verb: 'read',
        name: 'GetResourceAt',
        dto: GetResourceAtDto,
        access: {
          type: 'resource',
          level: 'Read',
          target: ({ target }) => ({ kind: target.type, id: target.id }),
        },
        handle: async ({ target, revision, at }) => {
          const events = await this.events(target.type, target.id);
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
      }),
    );
  }

  private async events(
    kind: (typeof RESOURCE_KINDS)[number],
    idOrName: string,
  ): Promise<StoredEvent[]> {
    const events = await this.store.readStream(resourceStream(kind, idOrName));
    if (events.length) return events;
    const current = this.resources.get(kind, idOrName);
    return this.store.readStream(resourceStream(kind, current.id));
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
    diff: action === 'ConfigUpdated' ? data.diff : action === 'Created' ? undefined : data,
  };
}
