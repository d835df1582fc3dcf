import type { AlertTarget } from '@monitor/domain';

/** The web's page slugs per kind (apps/web/src/kinds.ts), which are Komodo's resource_link paths. */
const SLUGS: Record<Exclude<AlertTarget['type'], 'System'>, string> = {
  Server: 'servers',
  Deployment: 'deployments',
  Stack: 'stacks',
  Build: 'builds',
  Repo: 'repos',
  Procedure: 'procedures',
  Action: 'actions',
  Builder: 'builders',
  ResourceSync: 'resource-syncs',
  Alerter: 'alerters',
  ServerTemplate: 'server-templates',
};

/** The page of the alert's resource; none for alerts about Monitor itself. */
export function resourceLink(linkBase: string, target: AlertTarget): string | undefined {
  if (target.type === 'System') return undefined;
  const slug = SLUGS[target.type] as string | undefined;
  return slug ? `${linkBase}/${slug}/${encodeURIComponent(target.id)}` : undefined;
}
