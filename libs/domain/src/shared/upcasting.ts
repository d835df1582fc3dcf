/**
 * A stored event is never rewritten: when an event type's data changes shape, its old versions
 * are brought up to the current one as they are read. Each upcaster takes one type from one
 * version to the next; a chain of them reaches the current version.
 */
export interface Upcaster {
  type: string;
  /** The version it reads; it answers `from + 1`. */
  from: number;
  upcast(data: unknown): unknown;
}

export interface VersionedEvent {
  type: string;
  data: unknown;
  schemaVersion: number;
}

export interface Upcasting {
  /** The version a new event of this type is written at (1 when it never changed). */
  version(type: string): number;
  /** The event at its type's current version (the same object when it is already). */
  upcast<E extends VersionedEvent>(event: E): E;
}

export function createUpcasting(upcasters: readonly Upcaster[]): Upcasting {
  const byType = new Map<string, Map<number, Upcaster>>();
  for (const upcaster of upcasters) {
    const steps = byType.get(upcaster.type) ?? new Map<number, Upcaster>();
    if (steps.has(upcaster.from))
      throw new Error(`two upcasters of ${upcaster.type} from version ${upcaster.from}`);
    steps.set(upcaster.from, upcaster);
    byType.set(upcaster.type, steps);
  }
  const version = (type: string) => {
    const steps = byType.get(type);
    return steps ? Math.max(...steps.keys()) + 1 : 1;
  };
  return {
    version,
    upcast(event) {
      const steps = byType.get(event.type);
      if (!steps) return event;
      let { data, schemaVersion } = event;
      for (let step = steps.get(schemaVersion); step; step = steps.get(schemaVersion)) {
        data = step.upcast(data);
        schemaVersion += 1;
      }
      return schemaVersion === event.schemaVersion ? event : { ...event, data, schemaVersion };
    },
  };
}
