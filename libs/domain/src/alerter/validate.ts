import { RESOURCE_TARGET_TYPES } from '../resources/configs/common';
import { VARIABLE_REFERENCE } from '../variables/interpolate';
import { isAlertType } from './alert-types';
import {
  ALERTER_ENDPOINT_TYPES,
  EMAIL_SECURITIES,
  type AlerterConfig,
  type AlerterEndpoint,
} from './alerter.config';
import { unknownVariables } from './unknown-variables';
import { maintenanceWindowErrors, type FieldProblem } from './validate-windows';

/** Stands for a `[[VARIABLE]]` while a url is parsed: fits a host, a port, a path or a query. */
const PLACEHOLDER = '0';
const ADDRESS =
  /^[^\s@<>()[\]\\,;:"]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*$/;
const HOST = /^[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?$|^\[[0-9A-Fa-f:.]+\]$/;

/** An http(s) url once its `[[VARIABLES]]` are filled in: undefined when it is one, else why not. */
export function urlProblem(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(String(url ?? '').replace(VARIABLE_REFERENCE, PLACEHOLDER));
  } catch {
    return `'${url}' is not a url`;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    return `'${url}' is not an http or https url`;
  return undefined;
}

/** `a@example.com` or `Name <a@example.com>`; a `[[VARIABLE]]` stands for any part. */
export function isEmailAddress(text: string): boolean {
  if (typeof text !== 'string') return false;
  const address = /^[^<>]*<([^<>]+)>$/.exec(text.trim())?.[1] ?? text.trim();
  return ADDRESS.test(address.replace(VARIABLE_REFERENCE, 'x'));
}

/**
 * Every problem in an Alerter's config as written: an unknown endpoint or alert type, a url that
 * is not http(s), an e-mail address or port that cannot be, an impossible maintenance window, a
 * resource target of an unknown kind. Fields absent from a partial config (an update) are not
 * checked. With `knownVariables`, a `[[NAME]]` in the endpoint naming no variable is one too.
 */
export function validateAlerterConfig(
  config: Partial<AlerterConfig>,
  knownVariables?: ReadonlySet<string>,
): FieldProblem[] {
  const errors: FieldProblem[] = [];
  const add = (field: string, reason: string) =>
    errors.push({ field, message: `${field}: ${reason}` });
  if (config.endpoint !== undefined) errors.push(...endpointErrors(config.endpoint));
  if (config.endpoint !== undefined && knownVariables)
    for (const { name, field } of unknownVariables(config.endpoint, knownVariables, 'endpoint'))
      add(field, `[[${name}]] is not a variable (create it first)`);
  (config.alert_types ?? []).forEach((type, i) => {
    if (!isAlertType(type)) add(`alert_types[${i}]`, `'${String(type)}' is not an alert type`);
  });
  for (const list of ['resources', 'except_resources'] as const)
    (config[list] ?? []).forEach((target, i) => {
      if (!(RESOURCE_TARGET_TYPES as readonly string[]).includes(target?.type))
        add(`${list}[${i}].type`, `'${String(target?.type)}' is not a resource type`);
      if (typeof target?.id !== 'string' || !target.id.trim())
        add(`${list}[${i}].id`, 'must name a resource');
    });
  if (config.maintenance_windows !== undefined)
    errors.push(...maintenanceWindowErrors(config.maintenance_windows));
  return errors;
}

function endpointErrors(endpoint: AlerterEndpoint): FieldProblem[] {
  const errors: FieldProblem[] = [];
  const add = (field: string, reason: string) =>
    errors.push({ field, message: `${field}: ${reason}` });
  if (!ALERTER_ENDPOINT_TYPES.includes(endpoint?.type)) {
    const known = ALERTER_ENDPOINT_TYPES.join(', ');
    add('endpoint.type', `'${String(endpoint?.type)}' is not an endpoint type (${known})`);
    return errors;
  }
  const params = 'endpoint.params';
  if (typeof endpoint.params !== 'object' || endpoint.params === null) {
    add(params, `must be the ${endpoint.type} endpoint's fields`);
    return errors;
  }
  // A secret (url, bot_token, password) reaches a write's decide sealed: the config DTO checked
  // it before (`urlProblem`); here only a plain one is.
  const url = (value: unknown) => {
    const problem = typeof value === 'string' ? urlProblem(value) : undefined;
    if (problem) add(`${params}.url`, problem);
  };
  const nonEmpty = (name: string, value: unknown) => {
    if (typeof value === 'string' ? !value.trim() : value == null)
      add(`${params}.${name}`, 'must not be empty');
  };
  switch (endpoint.type) {
    case 'Telegram':
      nonEmpty('bot_token', endpoint.params.bot_token);
      nonEmpty('chat_id', endpoint.params.chat_id);
      if (endpoint.params.url !== '') url(endpoint.params.url);
      break;
    case 'Email': {
      const { host, port, security, from, to } = endpoint.params;
      if (!HOST.test(String(host ?? '').replace(VARIABLE_REFERENCE, PLACEHOLDER)))
        add(`${params}.host`, `'${host}' is not a host name or address`);
      if (!Number.isInteger(port) || port < 1 || port > 65535)
        add(`${params}.port`, `${port} is not a port (1-65535)`);
      if (!EMAIL_SECURITIES.includes(security))
        add(`${params}.security`, `'${security}' is not one of ${EMAIL_SECURITIES.join(', ')}`);
      if (!isEmailAddress(from)) add(`${params}.from`, `'${from}' is not an e-mail address`);
      if (!Array.isArray(to) || to.length === 0)
        add(`${params}.to`, 'needs one recipient at least');
      else
        to.forEach((address, i) => {
          if (!isEmailAddress(address))
            add(`${params}.to[${i}]`, `'${address}' is not an e-mail address`);
        });
      break;
    }
    case 'Ntfy':
      url(endpoint.params.url);
      if (endpoint.params.email && !isEmailAddress(endpoint.params.email))
        add(`${params}.email`, `'${endpoint.params.email}' is not an e-mail address`);
      break;
    default:
      url(endpoint.params.url);
  }
  return errors;
}
