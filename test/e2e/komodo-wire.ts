import type { Types } from 'komodo_client';

/**
 * A Komodo type as it travels in JSON: its enums as their string values (Komodo declares them
 * as TypeScript enums, to which no string is assignable).
 */
export type Wire<T> = T extends string
  ? `${T}`
  : T extends (infer I)[]
    ? Wire<I>[]
    : T extends object
      ? { [K in keyof T]: Wire<T[K]> }
      : T;

/** Komodo's resource kinds, and Komodo 1.x's ServerTemplate, which Monitor keeps. */
export type KindOf = Wire<Types.ResourceTarget>['type'] | 'ServerTemplate';

/**
 * Where Monitor's answers are wider than Komodo's types: its operations are Komodo's and a few of
 * its own (RollbackDeployment, UpdateVariablePermission...), and its targets include Komodo 1.x's
 * ServerTemplate kind.
 */
export type WithOwnKinds<T> = Omit<Wire<T>, 'operation' | 'target'> & {
  operation: string;
  target: Wire<Types.ResourceTarget> | { type: 'ServerTemplate'; id: string };
};

/** Komodo's `all` is a map that serde fills with the kinds granted: TypeScript's Record needs all. */
export type WithPartialAll<T> = Omit<Wire<T>, 'all'> & { all?: Partial<Wire<Types.User['all']>> };

/**
 * A resource as Monitor answers it for every kind: Komodo's fields but `config` and `info`,
 * which are typed per kind (left to the kinds' own types, `ConfigOf<K>`).
 */
export type AnyKindResource<T> = Omit<Wire<T>, 'config' | 'info'> & {
  config: Record<string, unknown>;
  info: Record<string, unknown>;
};

/** A list item as Monitor answers it for every kind: `info` typed per kind, `type` any kind. */
export type AnyKindListItem<T> = Omit<Wire<T>, 'info' | 'type'> & {
  type: KindOf;
  info: Record<string, unknown>;
};
