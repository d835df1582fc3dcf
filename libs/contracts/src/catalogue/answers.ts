import type { Types } from 'komodo_client';
import type { FieldChange } from '@monitor/domain';

/*
 * The answers of Monitor's own requests (Komodo has no type for them). Komodo's requests answer
 * komodo_client's types.
 */

/**
 * `GetResourceAt`: the resource as it was at a revision. Komodo's Resource, with the id and
 * config Monitor always answers required (Komodo's are optional).
 */
export type ResourceAt = Types.Resource<Record<string, unknown>, unknown> & {
  _id: Types.MongoId;
  config: Record<string, unknown>;
  revision: number;
  deleted: boolean;
};

/** One event of `GetResourceHistory`. `diff` is per field for config changes, else the event data. */
export interface HistoryEntry {
  revision: number;
  type: string;
  at: number;
  user: string;
  via: string;
  correlation_id: string;
  causation_id?: string;
  diff?: Record<string, FieldChange> | Record<string, unknown>;
}

/** `GetVariablePermissions`: who, besides admins, may use a secret variable. */
export interface VariableGrantees {
  name: string;
  is_secret: boolean;
  users: { user_target: Types.UserTarget; name: string }[];
}
