import { reservedLabelPrefix } from '@monitor/domain/agent';

/** Where a compose project reaches outside itself, and which labels it would set. */
export interface ComposeReach {
  services: string[];
  /** `network_mode`, `pid`, `ipc` as `container:<name>`, `volumes_from` as `container:<name>`. */
  joins: { service: string; key: string; container: string }[];
  /** Compose's and Monitor's labels a service sets itself. */
  reservedLabels: { service: string; key: string }[];
}

type Yaml = Record<string, unknown>;
const isObject = (v: unknown): v is Yaml =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const CONTAINER = 'container:';
const NAMESPACE_KEYS = ['network_mode', 'pid', 'ipc'];

/**
 * Reads what `compose config` printed (the files merged and interpolated, v1 and v2 alike):
 * another container's namespaces or volumes reached by name, and labels that say who owns a
 * container, neither of which a stack may take from someone else. The YAML parser loads with
 * the first `up`: an agent that runs no stack never pays for it.
 */
export async function readComposeReach(configText: string): Promise<ComposeReach> {
  const { parse } = await import('yaml');
  const doc: unknown = parse(configText, { maxAliasCount: 1000 });
  const services = isObject(doc) && isObject(doc.services) ? doc.services : {};
  const reach: ComposeReach = { services: Object.keys(services), joins: [], reservedLabels: [] };
  for (const [service, body] of Object.entries(services)) {
    if (!isObject(body)) continue;
    for (const key of NAMESPACE_KEYS) {
      const value = body[key];
      if (typeof value === 'string' && value.startsWith(CONTAINER))
        reach.joins.push({ service, key, container: value.slice(CONTAINER.length) });
    }
    const from = Array.isArray(body.volumes_from) ? body.volumes_from : [];
    for (const entry of from) {
      if (typeof entry === 'string' && entry.startsWith(CONTAINER))
        reach.joins.push({
          service,
          key: 'volumes_from',
          container: entry.slice(CONTAINER.length).split(':')[0],
        });
    }
    for (const key of Object.keys(labelsOf(body.labels))) {
      if (reservedLabelPrefix(key)) reach.reservedLabels.push({ service, key });
    }
  }
  return reach;
}

/** Labels as a map: compose writes them so, though a file may give `key=value` lines. */
function labelsOf(labels: unknown): Record<string, unknown> {
  if (isObject(labels)) return labels;
  if (!Array.isArray(labels)) return {};
  return Object.fromEntries(
    labels.filter((l): l is string => typeof l === 'string').map((l) => [l.split('=')[0], '']),
  );
}
