import { invalid, type Resource, type ResourceKind } from '@monitor/domain';
import type { ReadModel } from '@monitor/projections';
import { parsePattern, PatternError } from './name-pattern';

/** What Komodo's `Batch<Execution>` requests take to choose their resources. */
export interface BatchSelection {
  /** Names, wildcards and `\regex\`, comma or newline separated (see name-pattern.ts). */
  pattern: string;
  /** Tag names or ids: a resource must carry every one (Komodo's `All`). Empty: no filter. */
  tags?: string[];
}

/** One answer of a batch, as Komodo's `BatchExecutionResponseItem`. */
export type BatchItem<T> =
  | { status: 'Ok'; data: T }
  | { status: 'Err'; data: { name: string; error: { error: string; trace: string[] } } };

/**
 * The resources of `kind` a batch runs on, as Komodo chooses them: those the caller may
 * execute (`may`), carrying every tag asked for, whose name the pattern matches; by name.
 * An unusable pattern or an unknown tag is refused (400 naming `pattern` or `tags`).
 */
export function batchTargets(
  readModel: ReadModel,
  kind: ResourceKind,
  { pattern, tags = [] }: BatchSelection,
  may: (resource: Resource) => boolean,
): Resource[] {
  const tests = patternTests(pattern);
  const tagIds = tags.map((idOrName) => {
    const tag = readModel.tag(idOrName);
    if (!tag) throw invalid(`tags: no tag has the name or id '${idOrName}'`, { field: 'tags' });
    return tag.id;
  });
  return readModel
    .list(kind)
    .filter(
      (resource) =>
        tagIds.every((id) => resource.tags.includes(id)) &&
        tests.some((test) => test(resource.name)) &&
        may(resource),
    );
}

/**
 * Runs the execution on every target at once, as Komodo does: one answer per target, in their
 * order, a failure answered as that target's `Err` rather than failing the batch.
 */
export function runBatch<T>(
  targets: Resource[],
  run: (target: Resource) => Promise<T>,
): Promise<BatchItem<T>[]> {
  return Promise.all(
    targets.map(async (target): Promise<BatchItem<T>> => {
      try {
        return { status: 'Ok', data: await run(target) };
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        return { status: 'Err', data: { name: target.name, error: { error: message, trace: [] } } };
      }
    }),
  );
}

function patternTests(pattern: string): ((name: string) => boolean)[] {
  try {
    return parsePattern(pattern);
  } catch (error) {
    if (!(error instanceof PatternError)) throw error;
    throw invalid(`pattern: ${error.message}`, { field: 'pattern' });
  }
}
