import type { ResourceKind, SpecificPermission, SpecificsOfKind } from '@monitor/contracts';

/**
 * Which specific permissions mean something on which kind: the domain's table
 * (`SPECIFICS_OF_KIND`). The bundle takes no values from the libs: its type is the domain's exact
 * table, so the compiler refuses any other.
 */
const TABLE: SpecificsOfKind = {
  Server: ['Attach', 'Inspect', 'Logs', 'Processes', 'Terminal'],
  Deployment: ['Inspect', 'Logs', 'Terminal'],
  Stack: ['Inspect', 'Logs', 'Terminal'],
  Builder: ['Attach', 'Terminal'],
  Build: ['Attach'],
  Repo: ['Attach'],
};

export const SPECIFICS_OF_KIND: Partial<Record<ResourceKind, readonly SpecificPermission[]>> =
  TABLE;

export const SPECIFIC_HELP: Record<SpecificPermission, string> = {
  Attach: 'Point other resources at it (deploy to this server, build on this builder).',
  Inspect: 'Inspect its containers.',
  Logs: 'Read its logs (on a server: every container log on it).',
  Processes: "List the host's processes.",
  Terminal: 'What equals root on the host: commands, binds, privileged containers.',
};
