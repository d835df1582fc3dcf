import type { ExportNames } from '@monitor/domain';
import type { ReadModel } from '@monitor/projections';

/** The read model's ids written as the names a sync's files give. */
export function exportNamesOf(readModel: ReadModel): ExportNames {
  return {
    resource: (kind, id) => readModel.resourceById(kind, id)?.name,
    tag: (id) => readModel.tag(id)?.name,
    user: (id) => readModel.identity.user(id)?.username,
  };
}
