import { Injectable } from '@nestjs/common';

export interface RequestDefinition<P extends object = object> {
  /** Komodo's periphery request name, the `type` of the body. */
  name: string;
  /** class-validator DTO of `params`. */
  dto: new () => P;
  handle(params: P): Promise<unknown>;
}

/** Every request the agent answers, by name. Feature providers add theirs at module init. */
@Injectable()
export class RequestRegistry {
  private readonly definitions = new Map<string, RequestDefinition>();

  add(...definitions: RequestDefinition<never>[]): void {
    for (const definition of definitions) {
      if (this.definitions.has(definition.name)) {
        throw new Error(`request ${definition.name} is defined twice`);
      }
      this.definitions.set(definition.name, definition as unknown as RequestDefinition);
    }
  }

  find(name: string): RequestDefinition | undefined {
    return this.definitions.get(name);
  }

  names(): string[] {
    return [...this.definitions.keys()].sort();
  }
}

/** Typed helper for feature files: keeps `handle`'s params typed by its DTO. */
export function request<P extends object>(
  definition: RequestDefinition<P>,
): RequestDefinition<never> {
  return definition as unknown as RequestDefinition<never>;
}
