import type { Types } from 'komodo_client';
import { buildListInfo, type Resource } from '@monitor/domain';
import type { ReadModel } from '@monitor/projections';

/** Whether a RunBuild of the build is in progress (Komodo's BuildActionState `building`). */
export const isBuilding = (readModel: ReadModel, id: string) =>
  readModel.executions
    .forTarget('Build', id)
    .some((x) => x.operation === 'RunBuild' && x.status === 'InProgress');

/**
 * The Build as its reads show it: `config.version` is the version its stream records (the one
 * built last, or as written since), as Komodo writes the built version into the config. An
 * overlay on the read, not a config change: the config stays what its writer wrote, and a
 * build records no config change of its own in the resource's history.
 */
export function shownBuild(readModel: ReadModel, build: Resource<'Build'>): Resource<'Build'> {
  const record = readModel.builds.of(build.id);
  if (record.status !== 'Active') return build;
  return { ...build, config: { ...build.config, version: record.version } };
}

/** ListBuilds' info (Komodo's BuildListItemInfo) from the config and the build's record. */
export function buildInfo(readModel: ReadModel, build: Resource<'Build'>) {
  const linkedRepo = build.config.linked_repo
    ? readModel.resourceById('Repo', build.config.linked_repo)
    : undefined;
  const linked = linkedRepo && { name: linkedRepo.name, ...linkedRepo.config };
  const record = readModel.builds.of(build.id);
  return buildListInfo(
    build.config,
    record,
    isBuilding(readModel, build.id),
    linked,
    record.latest_hash,
  );
}

/** GetBuild's info (Komodo's BuildInfo), from the build's record: `remote_*` as RefreshBuildCache read them. */
export function buildFullInfo(
  readModel: ReadModel,
  build: Resource<'Build'>,
): Record<keyof Types.BuildInfo, unknown> {
  const record = readModel.builds.of(build.id);
  return {
    last_built_at: record.last_built_at,
    built_hash: record.built_hash,
    built_message: record.built_message,
    built_contents: undefined,
    remote_path: record.remote?.path,
    remote_contents: record.remote?.contents,
    remote_error: record.remote?.error,
    latest_hash: record.latest_hash,
    latest_message: record.latest_message,
  };
}
