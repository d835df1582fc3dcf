import { Inject } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { BusController, commandSubject, QUEUE_GROUPS } from '@monitor/bus';
import {
  CreateEventSubscriptionDto,
  EVENT_SUBSCRIPTION_REQUESTS,
  EventSubscriptionIdDto,
  requireValid,
  UpdateEventSubscriptionDto,
} from '@monitor/contracts';
import {
  eventSubscriptionDecider,
  eventSubscriptionStream,
  type EventFilter,
  type EventSubscriptionChanges,
  type EventSubscriptionCommand,
} from '@monitor/domain';
import type { EventStore } from '@monitor/eventstore';
import { handleCommand, newId, type CommandMeta, type WriteResult } from '@monitor/resources';
import { EVENT_STORE, KEYRING } from '@monitor/runtime';
import type { Keyring } from '@monitor/secrets';

const queue = QUEUE_GROUPS.alerter;
const R = EVENT_SUBSCRIPTION_REQUESTS;
type Envelope = { params: unknown; meta: CommandMeta };
const subject = (name: string) => commandSubject('EventSubscription', name);

/**
 * `cmd.eventsubscription.<Request>`: the writes of outgoing webhook subscriptions (the gateway
 * checked the caller is an admin). The secret is sealed here, before any event is written; its
 * owner is the user who creates it.
 */
@BusController()
export class EventSubscriptionsController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(KEYRING) private readonly keyring: Keyring,
  ) {}

  @MessagePattern(subject(R.CreateEventSubscription.name), { queue })
  create({ params, meta }: Envelope): Promise<WriteResult> {
    const dto = requireValid(CreateEventSubscriptionDto, params);
    const id = newId();
    return this.run(
      id,
      {
        type: 'Create',
        subscription: {
          id,
          name: dto.name,
          url: dto.url,
          filter: (dto.filter ?? {}) as EventFilter,
          secret: this.keyring.seal(dto.secret),
          enabled: dto.enabled ?? true,
          owner: meta.userId,
        },
      },
      meta,
    );
  }

  @MessagePattern(subject(R.UpdateEventSubscription.name), { queue })
  update({ params, meta }: Envelope): Promise<WriteResult> {
    const { id, secret, filter, ...rest } = requireValid(UpdateEventSubscriptionDto, params);
    const changes: EventSubscriptionChanges = {
      ...definedOnly(rest),
      ...(filter === undefined ? {} : { filter: filter as EventFilter }),
      // A blank secret keeps the stored one.
      ...(secret ? { secret: this.keyring.seal(secret) } : {}),
    };
    return this.run(id, { type: 'Update', changes }, meta);
  }

  @MessagePattern(subject(R.DeleteEventSubscription.name), { queue })
  delete({ params, meta }: Envelope): Promise<WriteResult> {
    const { id } = requireValid(EventSubscriptionIdDto, params);
    return this.run(id, { type: 'Delete' }, meta);
  }

  private async run(
    id: string,
    command: EventSubscriptionCommand,
    meta: CommandMeta,
  ): Promise<WriteResult> {
    const { position } = await handleCommand(
      this.store,
      eventSubscriptionStream(id),
      eventSubscriptionDecider,
      command,
      meta,
    );
    return { id, position };
  }
}

function definedOnly<T extends object>(fields: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(fields).filter(([, v]) => v !== undefined),
  ) as Partial<T>;
}
