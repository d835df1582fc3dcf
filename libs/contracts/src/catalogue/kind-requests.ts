import type { ResourceKind } from '@monitor/domain';
import {
  CopyResourceDto,
  CreateResourceDto,
  DeleteResourceDto,
  RenameResourceDto,
  UpdateResourceDto,
} from '../requests/lifecycle.dto';
import { getResourceDto, GET_PARAM, ListResourcesDto, EmptyDto } from '../requests/read.dto';
import {
  entry,
  on,
  USER,
  type KomodoAnswer,
  type KomodoRecordAnswer,
  type RequestEntry,
  type Service,
} from './entry';

/** The answers of a kind's shared requests. */
export interface KindAnswers {
  resource: unknown;
  list: unknown;
  summary: unknown;
  rename: unknown;
}

/** A Komodo kind: every answer is Komodo's own, by the request's name, its records with `_id`. */
export interface KomodoKind extends KindAnswers {
  resource: KomodoRecordAnswer;
  list: KomodoAnswer;
  summary: KomodoAnswer;
  rename: KomodoAnswer;
}

/** The names of the requests every kind has, as Komodo spells them for the kind. */
export interface KindNames {
  get: string;
  list: string;
  listFull: string;
  summary: string;
  create: string;
  copy: string;
  update: string;
  rename: string;
  delete: string;
}

/** Komodo's lifecycle writes (`Create<Kind>`, ...), each with its entry among a kind's requests. */
export const LIFECYCLE_ENTRY = {
  Create: 'create',
  Copy: 'copy',
  Update: 'update',
  Rename: 'rename',
  Delete: 'delete',
} as const;

type ListAnswer<A extends KindAnswers> = [A['resource']] extends [KomodoRecordAnswer]
  ? KomodoRecordAnswer
  : A['resource'][];

/** A kind's shared requests, under the kind's names for them. */
export interface KindEntries<N extends KindNames, A extends KindAnswers> {
  get: RequestEntry<N['get'], 'read', Record<string, string>, A['resource']>;
  list: RequestEntry<N['list'], 'read', ListResourcesDto, A['list']>;
  listFull: RequestEntry<N['listFull'], 'read', ListResourcesDto, ListAnswer<A>>;
  summary: RequestEntry<N['summary'], 'read', EmptyDto, A['summary']>;
  create: RequestEntry<N['create'], 'write', CreateResourceDto, A['resource']>;
  copy: RequestEntry<N['copy'], 'write', CopyResourceDto, A['resource']>;
  update: RequestEntry<N['update'], 'write', UpdateResourceDto, A['resource']>;
  rename: RequestEntry<N['rename'], 'write', RenameResourceDto, A['rename']>;
  delete: RequestEntry<N['delete'], 'write', DeleteResourceDto, A['resource']>;
}

/**
 * The requests every kind shares: reads answered by the gateway from its read model, lifecycle
 * writes forwarded to the kind's owner. `A` holds the kind's answers (Komodo's or declared).
 */
export const kindRequests =
  <A extends KindAnswers = KomodoKind>() =>
  <const N extends KindNames>(kind: ResourceKind, owner: Service, names: N): KindEntries<N, A> => {
    const param = GET_PARAM[kind];
    return {
      get: entry<A['resource']>()(
        names.get,
        'read',
        getResourceDto(kind) as new () => Record<string, string>,
        on(kind, param, 'Read'),
        'gateway',
      ),
      list: entry<A['list']>()(names.list, 'read', ListResourcesDto, USER, 'gateway'),
      listFull: entry<ListAnswer<A>>()(names.listFull, 'read', ListResourcesDto, USER, 'gateway'),
      summary: entry<A['summary']>()(names.summary, 'read', EmptyDto, USER, 'gateway'),
      // Creating is checked by the gateway's handler (kind-specific rights).
      create: entry<A['resource']>()(names.create, 'write', CreateResourceDto, USER, owner),
      copy: entry<A['resource']>()(
        names.copy,
        'write',
        CopyResourceDto,
        on(kind, 'id', 'Read'),
        owner,
      ),
      update: entry<A['resource']>()(
        names.update,
        'write',
        UpdateResourceDto,
        on(kind, 'id', 'Write'),
        owner,
      ),
      rename: entry<A['rename']>()(
        names.rename,
        'write',
        RenameResourceDto,
        on(kind, 'id', 'Write'),
        owner,
      ),
      delete: entry<A['resource']>()(
        names.delete,
        'write',
        DeleteResourceDto,
        on(kind, 'id', 'Write'),
        owner,
      ),
    };
  };
