import type * as v from 'valibot';
import type { AgentAnswerOf, AgentEntry, AgentParamsOf } from '@monitor/contracts/agent';
import { parseParams, type ParamsSchema } from './params';

export interface RequestDefinition {
  /** Komodo's periphery request name, the `type` of the body: an entry of `AGENT`. */
  name: string;
  /** Checks `params` against the request's schema (400 naming each bad field), then handles. */
  call(params: unknown): Promise<unknown>;
}

/** Every request the agent answers, by name. Each feature adds its own (periphery-services.ts). */
export class RequestRegistry {
  private readonly definitions = new Map<string, RequestDefinition>();

  add(...definitions: RequestDefinition[]): void {
    for (const definition of definitions) {
      if (this.definitions.has(definition.name)) {
        throw new Error(`request ${definition.name} is defined twice`);
      }
      this.definitions.set(definition.name, definition);
    }
  }

  find(name: string): RequestDefinition | undefined {
    return this.definitions.get(name);
  }

  names(): string[] {
    return [...this.definitions.keys()].sort();
  }
}

/**
 * What the compiler says when a schema takes other params than its catalogue entry declares:
 * the fields either lacks, or that their types differ.
 */
type SameParams<Taken, Declared> = [Taken] extends [Declared]
  ? [Declared] extends [Taken]
    ? [Exclude<keyof Taken, keyof Declared>] extends [never]
      ? unknown
      : { undeclaredFields: Exclude<keyof Taken, keyof Declared> }
    : { paramsTheSchemaRefuses: Declared }
  : { paramsTheCatalogueLacks: Taken };

/**
 * A handler of one catalogue entry (`AGENT` in @monitor/contracts): its schema must take the
 * entry's params, no more and no less, and its handler answer the entry's answer, so the core's
 * typed calls and the agent cannot drift apart.
 */
export function request<E extends AgentEntry, S extends ParamsSchema>(
  entry: E,
  schema: S & SameParams<v.InferInput<S>, AgentParamsOf<E>>,
  handle: (params: v.InferOutput<S>) => Promise<AgentAnswerOf<E>>,
): RequestDefinition {
  return {
    name: entry.name,
    call: (params) => handle(parseParams(entry.name, schema, params)),
  };
}
