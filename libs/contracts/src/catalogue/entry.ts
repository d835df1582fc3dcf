import type { ExecuteResponses, ReadResponses, Types, WriteResponses } from 'komodo_client';
import type { PermissionLevel, ResourceKind, SpecificPermission } from '@monitor/domain';

export const VERBS = ['read', 'write', 'execute'] as const;
export type Verb = (typeof VERBS)[number];

/** The service that does a request's work; the gateway answers every request over HTTP. */
export const SERVICES = [
  'gateway',
  'deployer',
  'builder',
  'procedures',
  'sync',
  'alerter',
] as const;
export type Service = (typeof SERVICES)[number];

/**
 * Who may make a request, checked by the gateway before it is handled. `user`: any enabled user
 * (the handler filters what they see); `admin`; `resource`: a permission level, and the specific
 * permissions listed, on the resource the param `param` names (404 when there is none, 403 when
 * one is missing). With `kind`, the param holds that kind's id or name; without, the param is a
 * resource target `{ type, id }` that names its kind itself.
 */
export type Access<P = object> =
  | { readonly type: 'user' }
  | { readonly type: 'admin' }
  | {
      readonly type: 'resource';
      readonly level: PermissionLevel;
      readonly specific?: readonly SpecificPermission[];
      readonly kind?: ResourceKind;
      readonly param: keyof P & string;
    };

/** Marks an answer that is Komodo's own: the `komodo_client` response of the same name. */
export interface KomodoAnswer {
  readonly komodo: true;
}

/**
 * Marks an answer that is Komodo's record (a resource, an account) with the `_id` Komodo has
 * optional always there, and a resource's `config`, `description` and `tags` too: Monitor always
 * answers them.
 */
export interface KomodoRecordAnswer extends KomodoAnswer {
  readonly record: true;
}

/** Komodo's record as Monitor answers it: its `_id`, and a resource's config, description, tags. */
export type Answered<T> = T extends readonly (infer I)[]
  ? Answered<I>[]
  : T & { _id: Types.MongoId } & ('config' extends keyof T
        ? { config: NonNullable<T['config' & keyof T]>; description: string; tags: string[] }
        : unknown);

interface KomodoResponses {
  read: ReadResponses;
  write: WriteResponses;
  execute: ExecuteResponses;
}

/** One request: its Komodo name, verb, params (a DTO class), who may call it, who answers it. */
export interface RequestEntry<
  N extends string = string,
  V extends Verb = Verb,
  P extends object = object,
  A = unknown,
> {
  readonly name: N;
  readonly verb: V;
  readonly dto: new () => P;
  readonly access: Access<P>;
  readonly service: Service;
  /** Never set: carries the answer's type (`AnswerOf`). */
  readonly answer?: A;
}

/** Any entry, its params unknown (`param` then names any field). */
export type AnyEntry = Omit<RequestEntry, 'access'> & {
  readonly access: Access<Record<string, unknown>>;
};

/** The params an entry takes (its DTO's instance type). */
export type EntryParams<E> = E extends { dto: new () => infer P } ? P : never;

/** What an entry answers: its declared type, or Komodo's response of the same name. */
export type EntryAnswer<E> = E extends {
  name: infer N;
  verb: infer V extends Verb;
  answer?: infer A;
}
  ? [A] extends [KomodoAnswer]
    ? N extends keyof KomodoResponses[V]
      ? [A] extends [KomodoRecordAnswer]
        ? Answered<KomodoResponses[V][N]>
        : KomodoResponses[V][N]
      : never
    : A
  : never;

/** An entry whose answer is `A`; `komodo` entries answer Komodo's type of the same name. */
export function entry<A = KomodoAnswer>() {
  return <N extends string, V extends Verb, P extends object>(
    name: N,
    verb: V,
    dto: new () => P,
    access: Access<P>,
    service: Service,
  ): RequestEntry<N, V, P, A> => ({ name, verb, dto, access, service });
}

/** An entry that answers Komodo's response of the same name. */
export const komodo = entry<KomodoAnswer>();

/** An entry that answers Komodo's record(s) of the same name, `_id` (and `config`) there. */
export const komodoRecord = entry<KomodoRecordAnswer>();

export const USER: Access = { type: 'user' };
export const ADMIN: Access = { type: 'admin' };

/** `level` (and `specific`) on the `kind` the param `param` names. */
export function on<P>(
  kind: ResourceKind | undefined,
  param: keyof P & string,
  level: PermissionLevel,
  specific: readonly SpecificPermission[] = [],
): Access<P> {
  return kind
    ? { type: 'resource', kind, param, level, specific }
    : { type: 'resource', param, level, specific };
}
