import {
  ALERTER_ENDPOINT_TYPES,
  ALERTER_SECRETS,
  defaultAlerterEndpoint,
  type AlerterConfig,
  type AlerterEndpointType,
} from './alerter.config';

/** What answers show in place of a secret (`@monitor/secrets`' MASK). */
export const MASKED_SECRET = '*****';

/** The endpoint params that are secrets: url, bot_token, password. */
const SECRET_PARAMS = ALERTER_SECRETS.map((path) => path[2]);

/**
 * An Alerter config written with part of its endpoint's params: the params not given take their
 * type's defaults, as Komodo's serde defaults fill them (a Telegram endpoint without `url` talks
 * to api.telegram.org). The endpoint is written whole, as in Komodo: nothing of the stored one
 * is kept, but for a secret sent back as it was answered (masked) to an endpoint of the same
 * type: that one keeps its stored value, so a form that edits the chat id does not overwrite the
 * bot token with its mask (a mask given to another type takes that type's default). Answers the fields to store.
 */
export function completeAlerterPatch(
  current: AlerterConfig,
  patch: Record<string, unknown>,
): Record<string, unknown> {
  const endpoint = patch.endpoint as { type?: unknown; params?: unknown } | undefined;
  if (typeof endpoint !== 'object' || endpoint === null) return patch;
  const type = (endpoint.type ?? current.endpoint.type) as AlerterEndpointType;
  // An unknown type is refused by the config's checks; it is passed on as given.
  if (!ALERTER_ENDPOINT_TYPES.includes(type)) return patch;
  const base = defaultAlerterEndpoint(type);
  const given = (
    typeof endpoint.params === 'object' && endpoint.params ? endpoint.params : {}
  ) as Record<string, unknown>;
  const stored = current.endpoint.params as Record<string, unknown>;
  // A mask given to another type has no stored value behind it: that param takes the default.
  const from = type === current.endpoint.type ? stored : (base.params as Record<string, unknown>);
  const kept = Object.fromEntries(
    SECRET_PARAMS.filter((param) => given[param] === MASKED_SECRET).map((p) => [p, from[p]]),
  );
  const params: Record<string, unknown> = { ...base.params, ...given, ...kept };
  // Ntfy's e-mail is optional: empty is unset (Komodo's None), stored, compared and exported so.
  if (type === 'Ntfy' && params.email === '') delete params.email;
  return { ...patch, endpoint: { type, params } };
}
