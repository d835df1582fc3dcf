export interface FormatContext {
  /** Where the web answers, without a trailing slash: links are `${linkBase}/servers/<id>`. */
  linkBase: string;
}

export interface RequestContext extends FormatContext {
  /** The (alert event, alerter) pair's key: a receiver drops a repeat of what it has seen. */
  idempotencyKey: string;
  /** Replaces `[[VARIABLES]]` at send time (the variables store's `interpolate`). */
  resolve: (text: string) => string;
}

/** One HTTP request to an endpoint, built without I/O. */
export interface EndpointRequest {
  url: string;
  method: 'POST';
  headers: Record<string, string>;
  body: string;
}
