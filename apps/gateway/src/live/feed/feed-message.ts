/** One message of a feed: an item (an event, an Update) and its position in the log. */
export interface Positioned<T> {
  readonly position: number;
  readonly item: T;
}

/** Why a feed ended for its client, and where to resume from. */
export interface FeedEnd {
  code: 'DROPPED' | 'SIGNED_OUT' | 'FAILED';
  reason: string;
  /** The position of the last message handed to the client's connection. */
  after: number;
}

/** A transport's side of a feed (an SSE response, a WebSocket, a GraphQL iterator). */
export interface FeedSink<T> {
  /** Sends one message; false when the client has not taken earlier ones yet (see `drained`). */
  send(message: Positioned<T>): boolean;
  /** Resolves once the client has taken what was sent, or the connection closed. */
  drained(): Promise<void>;
  heartbeat(): void;
  /** The feed ends: tell the client why, then close. */
  end(end: FeedEnd): void;
}
