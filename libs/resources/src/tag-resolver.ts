import { invalid } from '@monitor/domain';
import type { EventStore } from '@monitor/eventstore';
import type { ReadModel } from '@monitor/projections';

/** Tag names or ids to ids; an unknown one is refused by name. */
export async function resolveTags(
  store: EventStore,
  readModel: ReadModel,
  tags: string[],
): Promise<string[]> {
  if (!tags.length) return [];
  await readModel.waitFor(await store.headPosition());
  return tags.map((t) => {
    const tag = readModel.tag(t);
    if (!tag) throw invalid(`tags: no tag has the name or id '${t}'`, { field: 'tags' });
    return tag.id;
  });
}
