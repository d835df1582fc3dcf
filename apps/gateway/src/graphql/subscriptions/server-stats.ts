import { ApiError } from '../../api/api-error';
import type { SubscriptionContext } from './subscription-context';

/** How often the deployer's last poll of a server's stats is read again (the web's tab too). */
export const SERVER_STATS_EVERY_MS = 5_000;

/** One reading: the stats, or why this reading failed (the subscription goes on). */
export type StatsReading = { stats: unknown } | { error: unknown };

/**
 * The server's stats as `GetSystemStats` answers them (the deployer's last poll of its agent),
 * read as the caller at once and then every few seconds; counted as one of the caller's feeds.
 * The first reading is taken before the subscription starts: a server the caller may not read,
 * or none, fails the subscription itself.
 */
export async function serverStats(
  server: string,
  context: SubscriptionContext,
): Promise<AsyncGenerator<StatsReading>> {
  const first = await context.dispatch('read', 'GetSystemStats', { server });
  const release = context.feeds.hold(context.session.userId);
  async function* readings(): AsyncGenerator<StatsReading> {
    try {
      yield { stats: first };
      for (;;) {
        await new Promise((resolve) => setTimeout(resolve, SERVER_STATS_EVERY_MS));
        const ended = endedFor(server, context);
        if (ended) return yield { error: ended };
        yield await context.dispatch('read', 'GetSystemStats', { server }).then(
          (stats) => ({ stats }),
          (error: unknown) => ({ error }),
        );
      }
    } finally {
      release();
    }
  }
  return readings();
}

/**
 * Why the readings stop, once the caller's login ended or they may no longer read the server
 * (the context's dispatch holds the caller as they were when they subscribed).
 */
function endedFor(server: string, context: SubscriptionContext): ApiError | undefined {
  const principal = context.feeds.signedIn(context.session);
  if (!principal)
    return new ApiError(401, 'login token revoked or expired; log in again', 'UNAUTHENTICATED');
  const resource = context.readModel.resource('Server', server);
  if (!resource || !principal.can(resource, 'Read'))
    return new ApiError(403, `you may no longer read Server '${server}'`, 'FORBIDDEN');
  return undefined;
}
