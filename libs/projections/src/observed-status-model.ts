import type { DomainEvent } from '@monitor/domain';
import type { StoredEvent } from '@monitor/eventstore';

/**
 * What polling last saw of each resource of one kind (a deployment's container, a stack's
 * services), from streams `<prefix><id>` that record only changes.
 */
export class ObservedStatusModel<T> {
  private readonly statuses = new Map<string, T>();

  constructor(
    private readonly prefix: string,
    private readonly evolve: (status: T | undefined, event: DomainEvent) => T | undefined,
  ) {}

  handles(stream: string): boolean {
    return stream.startsWith(this.prefix);
  }

  apply(event: StoredEvent): void {
    const id = event.stream.slice(this.prefix.length);
    const next = this.evolve(this.statuses.get(id), event);
    if (next) this.statuses.set(id, next);
  }

  status(id: string): T | undefined {
    return this.statuses.get(id);
  }
}
