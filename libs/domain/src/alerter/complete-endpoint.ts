import {
  ALERTER_ENDPOINT_TYPES,
  defaultAlerterEndpoint,
  type AlerterConfig,
  type AlerterEndpointType,
} from './alerter.config';

/**
 * An Alerter config written with part of its endpoint's params: the params not given take their
 * type's defaults, as Komodo's serde defaults fill them (a Telegram endpoint without `url` talks
 * to api.telegram.org). The endpoint is written whole, as in Komodo: nothing of the stored one
 * is kept. Answers the fields to store.
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
  const given = typeof endpoint.params === 'object' && endpoint.params ? endpoint.params : {};
  return { ...patch, endpoint: { type, params: { ...base.params, ...given } } };
}
