import {
  resourceEvent,
  resourceStream,
  type DomainEvent,
  type ResourceKind,
} from '@monitor/domain';
import { ReadModel } from '@monitor/projections';

/** True when A and B are the same type (neither wider): for compile-time checks in specs. */
export type Same<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

/**
 * A read model fed events as the store would hand them (ids, positions and metadata made up):
 * for unit specs of what the gateway answers from it.
 */
export class ReadModelFeed {
  private position = 0;

  constructor(readonly readModel = new ReadModel()) {}

  apply(stream: string, event: DomainEvent, revision = 0): this {
    this.position += 1;
    this.readModel.apply({
      ...event,
      id: `event-${this.position}`,
      stream,
      revision,
      position: this.position,
      schemaVersion: 1,
      metadata: {
        userId: 'admin',
        via: 'api',
        correlationId: 'c',
        causationId: 'c',
        at: this.position,
      },
    });
    return this;
  }

  /** A resource created with this config, named as its id. */
  create(kind: ResourceKind, id: string, config: object): this {
    const data = { id, name: id, description: '', tags: [], config: { ...config } };
    return this.apply(resourceStream(kind, id), resourceEvent(kind, 'Created', data));
  }
}
