import type { AgentAnswerOf, AgentEntry, AgentParamsOf } from '@monitor/contracts';

export interface RequestDefinition<P extends object = object> {
  /** Komodo's periphery request name, the `type` of the body: an entry of `AGENT`. */
  name: string;
  /** class-validator DTO of `params`. */
  dto: new () => P;
  handle(params: P): Promise<unknown>;
}

/** Every request the agent answers, by name. Each feature adds its own (periphery-services.ts). */
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

/** Names, on the DTO's type, the fields it validates that the catalogue's params do not declare. */
type OnlyDeclared<P, Declared> = [Exclude<keyof P, keyof Declared>] extends [never]
  ? unknown
  : { undeclaredFields: Exclude<keyof P, keyof Declared> };

/**
 * A handler of one catalogue entry (`AGENT` in @monitor/contracts): its DTO must take the entry's
 * params, no more and no less, and its handler answer the entry's answer, so the core's typed
 * calls and the agent cannot drift apart.
 */
export function request<E extends AgentEntry, P extends object & AgentParamsOf<E>>(
  entry: E,
  dto: (new () => P) & OnlyDeclared<P, AgentParamsOf<E>>,
  handle: (params: P) => Promise<AgentAnswerOf<E>>,
): RequestDefinition<never> {
  return { name: entry.name, dto, handle } as unknown as RequestDefinition<never>;
}
