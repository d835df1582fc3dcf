/** The eleven kinds of resource, with Komodo's names (ResourceTarget["type"]). */
export const RESOURCE_KINDS = [
  'Server',
  'Deployment',
  'Stack',
  'Repo',
  'Build',
  'Builder',
  'Procedure',
  'Action',
  'ResourceSync',
  'Alerter',
  'ServerTemplate',
] as const;

export type ResourceKind = (typeof RESOURCE_KINDS)[number];

/** The kinds whose resources run containers on a server: what polling sees and image checks watch. */
export type ContainerKind = Extract<ResourceKind, 'Deployment' | 'Stack'>;

export function isResourceKind(value: unknown): value is ResourceKind {
  return typeof value === 'string' && (RESOURCE_KINDS as readonly string[]).includes(value);
}

/**
 * Stream category of a kind: lower case with no dash, since KurrentDB cuts a category at the
 * first dash (`servertemplate-<id>`, `resourcesync-<id>`).
 */
export function kindCategory(kind: ResourceKind): string {
  return kind.toLowerCase();
}

export function resourceStream(kind: ResourceKind, id: string): string {
  return `${kindCategory(kind)}-${id}`;
}

/** A stream's category: what comes before the first `-` (`deploymentstatus-<id>`). */
export function streamCategory(stream: string): string {
  return stream.slice(0, stream.indexOf('-'));
}

/** The kind whose stream this is, if it is a resource stream. */
export function kindOfStream(stream: string): ResourceKind | undefined {
  const category = streamCategory(stream);
  return RESOURCE_KINDS.find((kind) => kindCategory(kind) === category);
}
