import { ACTION_REQUESTS } from './action';
import { ALERTER_REQUESTS } from './alerter';
import { BUILD_EXECUTION_FORMS, BUILD_REQUESTS } from './build';
import { CLOUD_ACCOUNT_REQUESTS } from './cloud-accounts';
import { DEPLOYMENT_REQUESTS } from './deployment';
import { EVENT_SUBSCRIPTION_REQUESTS } from './event-subscriptions';
import { EVENT_SUBSCRIPTION_DELIVERY_REQUESTS } from './event-subscription-deliveries';
import type { AnyEntry, EntryAnswer, EntryParams, Verb } from './entry';
import { HISTORY_REQUESTS } from './history';
import { PROCEDURE_REQUESTS } from './procedure';
import {
  ACTION,
  ALERTER,
  BUILD,
  BUILDER,
  DEPLOYMENT,
  PROCEDURE,
  REPO,
  RESOURCE_SYNC,
  SERVER,
  SERVER_TEMPLATE,
  STACK,
} from './resources';
import { REPO_EXECUTION_FORMS, REPO_REQUESTS } from './repo';
import { SERVER_FORMER_NAMES, SERVER_REQUESTS } from './server';
import { SERVER_TEMPLATE_REQUESTS } from './server-template';
import { SETTINGS_REQUESTS } from './settings';
import { STACK_EXECUTION_FORMS, STACK_REQUESTS } from './stack';
import { SYNC_EXECUTION_FORMS, SYNC_REQUESTS } from './sync';
import { TAG_REQUESTS } from './tags';
import { USER_GROUP_REQUESTS, USER_REQUESTS } from './users';

const entriesOf = <T extends object>(group: T) => Object.values(group) as T[keyof T][];

/** Every request Monitor answers over HTTP, each declared once, in the file of its kind. */
const ENTRIES = [
  ...entriesOf(SERVER),
  ...entriesOf(SERVER_REQUESTS),
  ...entriesOf(SERVER_FORMER_NAMES),
  ...entriesOf(DEPLOYMENT),
  ...entriesOf(DEPLOYMENT_REQUESTS),
  ...entriesOf(STACK),
  ...entriesOf(STACK_REQUESTS),
  ...entriesOf(STACK_EXECUTION_FORMS),
  ...entriesOf(SERVER_TEMPLATE),
  ...entriesOf(SERVER_TEMPLATE_REQUESTS),
  ...entriesOf(BUILD),
  ...entriesOf(BUILD_REQUESTS),
  ...entriesOf(BUILD_EXECUTION_FORMS),
  ...entriesOf(BUILDER),
  ...entriesOf(REPO),
  ...entriesOf(REPO_REQUESTS),
  ...entriesOf(REPO_EXECUTION_FORMS),
  ...entriesOf(PROCEDURE),
  ...entriesOf(PROCEDURE_REQUESTS),
  ...entriesOf(ACTION),
  ...entriesOf(ACTION_REQUESTS),
  ...entriesOf(RESOURCE_SYNC),
  ...entriesOf(SYNC_REQUESTS),
  ...entriesOf(SYNC_EXECUTION_FORMS),
  ...entriesOf(ALERTER),
  ...entriesOf(ALERTER_REQUESTS),
  ...entriesOf(TAG_REQUESTS),
  ...entriesOf(HISTORY_REQUESTS),
  ...entriesOf(USER_REQUESTS),
  ...entriesOf(USER_GROUP_REQUESTS),
  ...entriesOf(SETTINGS_REQUESTS),
  ...entriesOf(CLOUD_ACCOUNT_REQUESTS),
  ...entriesOf(EVENT_SUBSCRIPTION_REQUESTS),
  ...entriesOf(EVENT_SUBSCRIPTION_DELIVERY_REQUESTS),
];

export type CatalogueEntry = (typeof ENTRIES)[number];

type ByName<V extends Verb> = {
  [E in Extract<CatalogueEntry, { verb: V }> as E['name']]: E;
};

/** The catalogue by verb and name, as Komodo's client calls: `REQUESTS.read.GetStack`. */
export type Catalogue = { [V in Verb]: ByName<V> };

/** The names a verb answers. */
export type RequestName<V extends Verb> = keyof Catalogue[V] & string;

/** The params of a request (its DTO's fields). */
export type ParamsOf<V extends Verb, N extends RequestName<V>> = EntryParams<Catalogue[V][N]>;

/** What a request answers. */
export type AnswerOf<V extends Verb, N extends RequestName<V>> = EntryAnswer<Catalogue[V][N]>;

function byVerbAndName(entries: readonly AnyEntry[]): Catalogue {
  const catalogue = { read: {}, write: {}, execute: {} } as Record<Verb, Record<string, AnyEntry>>;
  for (const entry of entries) {
    if (catalogue[entry.verb][entry.name])
      throw new Error(`request ${entry.verb}/${entry.name} is declared twice`);
    catalogue[entry.verb][entry.name] = entry;
  }
  // Filled from an array, each entry under its own verb and name: the compiler cannot follow a
  // loop's keys, and the duplicate check above is what makes the mapped type true.
  return catalogue as unknown as Catalogue;
}

export const REQUESTS: Catalogue = byVerbAndName(ENTRIES as readonly AnyEntry[]);

/** Every entry, for code that goes over them all (the gateway's registration check). */
export const CATALOGUE_ENTRIES: readonly AnyEntry[] = ENTRIES as readonly AnyEntry[];
