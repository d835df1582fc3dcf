import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { JwtClaims } from '@monitor/auth';
import type { MonitorConfig } from '@monitor/config';
import { isResourceKind } from '@monitor/domain';
import type { EventStore, StoredEvent } from '@monitor/eventstore';
import type { ReadModel, UpdateRecord } from '@monitor/projections';
import { EVENT_STORE, MONITOR_CONFIG, READ_MODEL } from '@monitor/runtime';
import { maskSealed } from '@monitor/secrets';
import { ApiError } from '../../api/api-error';
import { Authenticator, type Credentials, type PrincipalVia } from '../../auth/authenticator';
import { canSeeEvent, resourceOf } from '../../auth/event-visibility';
import type { Principal } from '../../auth/principal';
import { canSeeUpdate } from '../../auth/update-visibility';
import { matchesFilter, type EventSubject, type FeedFilter, type TagLookup } from './feed-filter';
import type { FeedSink } from './feed-message';
import { FeedSubscription, type FeedOptions, type FeedSource } from './feed-subscription';
import { eventSource, updateSource } from './feed-sources';

/** Who a feed is for: the caller as it logged in, re-checked at every message. */
export interface FeedSession {
  userId: string;
  via: PrincipalVia;
  /** The login token (none for an API key): its logout or expiry ends the feed. */
  token?: JwtClaims;
  /** The API key it authenticated with, if any: its deletion or expiry ends the feed. */
  apiKey?: string;
}

/** The session of a caller authenticated with `credentials`: its token or API key kept. */
export function feedSession(
  principal: Principal,
  token: JwtClaims | undefined,
  credentials: Credentials,
): FeedSession {
  const via = principal.via as PrincipalVia;
  return {
    userId: principal.id,
    via,
    token,
    apiKey: via === 'api-key' ? credentials.apiKey : undefined,
  };
}

export interface FeedRequest<T> {
  session: FeedSession;
  filter: FeedFilter;
  /** Start after this position. */
  from: number;
  sink: FeedSink<T>;
}

const PAGE_SIZE = 200;

/**
 * The gateway's one feed implementation, for `/events` (SSE), `/ws/update` and the GraphQL
 * subscriptions: events of the log, or Updates, filtered, permission-checked per message,
 * resumable from a position, with heartbeats and bounded buffers (see FeedSubscription). One
 * store subscription and one read-model listener serve the live tail of every feed. A user
 * holds at most `limits.events_per_user` feeds, all transports together.
 */
@Injectable()
export class FeedHub implements OnApplicationShutdown {
  private readonly logger = new Logger('Gateway');
  private readonly events: FeedSource<StoredEvent>;
  private readonly updates: FeedSource<UpdateRecord>;
  private readonly open = new Map<string, number>();
  private readonly feeds = new Set<FeedSubscription<unknown, Principal>>();
  private readonly tags: TagLookup;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
    @Inject(MONITOR_CONFIG) private readonly config: MonitorConfig,
    private readonly authenticator: Authenticator,
  ) {
    const failed = (error: unknown) =>
      this.logger.error(`the feeds' live tail failed: ${(error as Error).message}`);
    this.events = eventSource(store, readModel, failed);
    this.updates = updateSource(readModel);
    this.tags = {
      tagId: (idOrName) => readModel.tag(idOrName)?.id,
      // A deleted resource's tombstone keeps its tags: its Deleted event (and a replay of its
      // past) still matches a tag filter.
      tagsOf: ({ kind, id }) =>
        (readModel.resourceById(kind, id) ?? readModel.deleted.get(kind, id)?.resource)?.tags,
    };
  }

  /** A log position from a client (`now`: the end of the log); a bad one is a 400. */
  position(text: string | undefined, field: string): number {
    if (text === undefined || text === '') return 0;
    const from = text === 'now' ? this.readModel.position : Number(text);
    if (!Number.isSafeInteger(from) || from < 0) {
      throw new ApiError(
        400,
        `${field}: '${text}' is not a log position (a whole number >= 0, or now)`,
        'VALIDATION',
      );
    }
    return from;
  }

  /** Events of the log, sealed secrets masked; `counted: false` for a socket's observed events. */
  openEvents(
    request: FeedRequest<StoredEvent>,
    counted = true,
  ): FeedSubscription<StoredEvent, Principal> {
    const { filter } = request;
    return this.start(
      request,
      this.events,
      {
        wants: (event) =>
          matchesFilter(filter, event, resourceOf(event, this.readModel), this.tags),
        visible: (principal, event) =>
          canSeeEvent(principal, event, this.readModel) ? maskSealed(event) : undefined,
      },
      counted,
    );
  }

  /**
   * Updates as they are created and change; `types` filters operations, kinds their targets.
   * `counted: false` for a `/ws/update` socket that only follows from now (a browser tab each).
   */
  openUpdates(
    request: FeedRequest<UpdateRecord>,
    counted = true,
  ): FeedSubscription<UpdateRecord, Principal> {
    const { filter } = request;
    return this.start(
      request,
      this.updates,
      {
        wants: (update) =>
          matchesFilter(filter, updateAsEvent(update), subjectOf(update), this.tags),
        visible: (principal, update) =>
          principal.user.enabled && canSeeUpdate(principal, update, this.readModel)
            ? update
            : undefined,
      },
      counted,
    );
  }

  onApplicationShutdown(): void {
    for (const feed of this.feeds) feed.close();
  }

  private start<T>(
    { session, from, sink }: FeedRequest<T>,
    source: FeedSource<T>,
    check: Pick<FeedOptions<T, Principal>, 'wants' | 'visible'>,
    counted = true,
  ): FeedSubscription<T, Principal> {
    const release = counted ? this.hold(session.userId) : () => undefined;
    const { limits } = this.config;
    const feed: FeedSubscription<T, Principal> = new FeedSubscription<T, Principal>({
      source,
      from,
      sink,
      ...check,
      signedIn: () => this.signedIn(session),
      buffer: limits.feed_buffer,
      pageSize: PAGE_SIZE,
      heartbeatMs: limits.feed_heartbeat_ms,
      onClose: () => {
        release();
        this.feeds.delete(feed as FeedSubscription<unknown, Principal>);
      },
    });
    this.feeds.add(feed as FeedSubscription<unknown, Principal>);
    return feed;
  }

  /**
   * The session's caller now, or undefined once its login token was revoked or expired, its API
   * key deleted or expired, or its user deleted: what every message of its feeds is checked with.
   */
  signedIn(session: FeedSession): Principal | undefined {
    const { apiKey, userId } = session;
    if (apiKey !== undefined) {
      const found = this.readModel.identity.apiKey(apiKey);
      if (!found || found.userId !== userId) return undefined;
      if (found.key.expires && found.key.expires < Date.now()) return undefined;
    }
    return this.authenticator.stillSignedIn(userId, session.via, session.token);
  }

  /** Counts a feed of the user, or refuses it (429) when the user holds the most they may. */
  hold(userId: string): () => void {
    const limit = this.config.limits.events_per_user;
    const held = this.open.get(userId) ?? 0;
    if (held >= limit) {
      throw new ApiError(
        429,
        `you have ${held} event feeds open (/events streams, resumed /ws/update sockets, ` +
          `GraphQL subscriptions), the most one user may (limits.events_per_user); close one first`,
        'RATE_LIMITED',
      );
    }
    this.open.set(userId, held + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.open.get(userId) ?? 1) - 1;
      if (left > 0) this.open.set(userId, left);
      else this.open.delete(userId);
    };
  }
}

function subjectOf(update: UpdateRecord): EventSubject | undefined {
  const { type, id } = update.target;
  return isResourceKind(type) ? { kind: type, id } : undefined;
}

/** An Update as the filter sees it: its operation is its type. */
function updateAsEvent(update: UpdateRecord): { stream: string; type: string } {
  return { stream: `update-${update.id}`, type: update.operation };
}
