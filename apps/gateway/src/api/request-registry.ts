import { Injectable } from '@nestjs/common';
import {
  REQUESTS,
  type Access,
  type AnyEntry,
  type EntryAnswer,
  type EntryParams,
  type CatalogueEntry,
  type Validated,
  type Verb,
  validateDto,
} from '@monitor/contracts';
import type { CommandMeta } from '@monitor/resources';
import type { Principal } from '../auth/principal';
import type { JsonAnswer } from './json-answer';

export { VERBS, type Verb } from '@monitor/contracts';

export interface RequestContext {
  meta: CommandMeta;
  principal: Principal;
}

/**
 * An answer with every field its type requires, in depth through arrays, the fields' own values
 * left to the shape functions (`komodo-shapes.ts`) and the Komodo answer tests.
 */
export type Shaped<A> = A extends readonly (infer I)[]
  ? Shaped<I>[]
  : A extends object
    ? { [K in keyof A]: unknown }
    : A;

/** A feature's handler of a catalogue entry: its params typed by the entry, its answer shaped. */
export type Handler<E> = (
  params: EntryParams<E>,
  context: RequestContext,
) => Promise<Shaped<EntryAnswer<E>> | JsonAnswer<Shaped<EntryAnswer<E>>>>;

/** A request's params once its DTO validated them, and its handler bound to them. */
export interface Accepted {
  params: object;
  run(context: RequestContext): Promise<unknown>;
}

/** A request as the RPC controller runs it: the catalogue's entry and the feature's handler. */
export interface RequestDefinition {
  verb: Verb;
  name: string;
  dto: new () => object;
  access: Access<Record<string, unknown>>;
  /** Validates the params by the entry's DTO; the handler bound to them when they hold. */
  accept(input: unknown): Validated<Accepted>;
}

/**
 * Every request the gateway answers, by verb and Komodo request name. Name, verb, DTO and access
 * come from the catalogue (`@monitor/contracts`' REQUESTS); a feature supplies the handler only.
 */
@Injectable()
export class RequestRegistry {
  private readonly definitions = new Map<string, RequestDefinition>();

  handle<E extends CatalogueEntry>(
    // The entry's DTO makes the params its handler takes: said here, so validating by the one
    // types them for the other.
    entry: E & { dto: new () => EntryParams<E> },
    handler: Handler<E>,
  ): void {
    const key = `${entry.verb}/${entry.name}`;
    const declared = (REQUESTS[entry.verb] as Record<string, AnyEntry>)[entry.name];
    if (declared !== entry)
      throw new Error(`request ${key} is not the catalogue's (libs/contracts/src/catalogue)`);
    if (this.definitions.has(key)) throw new Error(`request ${key} is handled twice`);
    this.definitions.set(key, {
      ...declared,
      accept: (input) => {
        const params = validateDto(entry.dto, input);
        if (!params.ok) return params;
        const run = (context: RequestContext) => handler(params.value, context);
        return { ok: true, value: { params: params.value, run } };
      },
    });
  }

  find(verb: string, name: string): RequestDefinition | undefined {
    return this.definitions.get(`${verb}/${name}`);
  }

  list(): { verb: Verb; name: string }[] {
    return [...this.definitions.values()].map(({ verb, name }) => ({ verb, name }));
  }
}
