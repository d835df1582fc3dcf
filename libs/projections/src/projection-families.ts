import { streamCategory } from '@monitor/domain';
import type { StoredEvent } from '@monitor/eventstore';

/**
 * Which projection applies a stream's events, by the stream's family (its category, what comes
 * before the first dash): each registers its families once, and an event finds its projection
 * in one lookup. Streams of no registered family (name reservations, checkpoints) are skipped.
 */
export class ProjectionFamilies {
  private readonly byCategory = new Map<string, (event: StoredEvent) => void>();

  register(categories: readonly string[], apply: (event: StoredEvent) => void): void {
    for (const category of categories) {
      if (this.byCategory.has(category))
        throw new Error(`stream family '${category}' has two projections`);
      this.byCategory.set(category, apply);
    }
  }

  apply(event: StoredEvent): void {
    this.byCategory.get(streamCategory(event.stream))?.(event);
  }
}
