import type { DomainEvent } from '@monitor/domain';
import type { StoredEvent } from '@monitor/eventstore';

/**
 * What polling last saw of each resource of one kind (a deployment's container, a stack's
 * services), from streams `<category>-<id>` that record only changes.
 */
export class ObservedStatusModel<T> {
  private readonly statuses = new Map<string, T>();
  readonly categories: readonly string[];

  constructor(
    category: string,
    private readonly evolve: (status: T | undefined, event: DomainEvent) => T | undefined,
  ) {
    this.categories = [category];
  }

  apply(event: StoredEvent): void {
    const id = event.stream.slice(event.stream.indexOf('-') + 1);
    const next = this.evolve(this.statuses.get(id), event);
    if (next) this.statuses.set(id, next);
  }

  status(id: string): T | undefined {
    return this.statuses.get(id);
  }
}
