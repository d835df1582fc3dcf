import type { StackFileDependency } from '../resources/configs';

/** What a stack's files hash to: compose files and env files together, each config file alone. */
export interface StackHashes {
  contents_hash: string;
  config_hashes: Record<string, string>;
}

/** Services to act on: every one, or those named. */
export type ServiceSelection = 'all' | string[];

/**
 * What DeployStackIfChanged does, as Komodo decides it: a full deploy when the compose files or
 * the environment changed (or it never deployed); else, for the `config_files` that changed,
 * what each `requires` — recreate its services, restart them, or nothing — and the new hashes
 * recorded.
 */
export type IfChangedPlan =
  | { kind: 'deploy'; reason: 'never deployed' | 'files changed' }
  | { kind: 'nothing' }
  | { kind: 'config'; changed: string[]; redeploy: ServiceSelection; restart: ServiceSelection };

export function planDeployIfChanged(
  last: Partial<StackHashes> | undefined,
  now: StackHashes,
  configFiles: StackFileDependency[],
): IfChangedPlan {
  if (!last) return { kind: 'deploy', reason: 'never deployed' };
  if (last.contents_hash !== now.contents_hash) return { kind: 'deploy', reason: 'files changed' };
  const changed = configFiles.filter(
    (file) => now.config_hashes[file.path] !== last.config_hashes?.[file.path],
  );
  if (!changed.length) return { kind: 'nothing' };
  const redeploy = services(changed.filter((f) => f.requires === 'Redeploy'));
  const restart = services(changed.filter((f) => f.requires === 'Restart'));
  return {
    kind: 'config',
    changed: changed.map((f) => f.path),
    redeploy,
    // A service recreated is restarted by that already.
    restart:
      redeploy === 'all'
        ? []
        : restart === 'all'
          ? 'all'
          : restart.filter((service) => !redeploy.includes(service)),
  };
}

/** The services some files name; a file naming none means them all. */
function services(files: StackFileDependency[]): ServiceSelection {
  if (files.some((f) => !f.services.length)) return 'all';
  return [...new Set(files.flatMap((f) => f.services))].sort();
}
