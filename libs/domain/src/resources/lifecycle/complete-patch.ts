import { completeAlerterPatch } from '../../alerter/complete-endpoint';
import { completeBuildPatch } from '../../build/complete-registries';
import { completeBuilderPatch } from '../../builder/merge-config';
import type { ResourceKind } from '../../kinds';
import type { ConfigOf } from '../configs';

type Completion<K extends ResourceKind> = (
  current: ConfigOf<K>,
  patch: Record<string, unknown>,
) => Record<string, unknown>;

/**
 * Kinds whose config is a tagged union (`{ type, params }`): a partial `params` is merged; a
 * Build's partial registry items take Komodo's defaults.
 */
const COMPLETIONS: { [K in ResourceKind]?: Completion<K> } = {
  Build: completeBuildPatch,
  Builder: completeBuilderPatch,
  Alerter: completeAlerterPatch,
};

/**
 * The fields a write stores, from the fields it gives and the config it applies to (the kind's
 * defaults on create): the same as given, but for tagged unions, whose partial `params` are
 * completed from the current variant's params (or the new variant's defaults), as Komodo merges.
 */
export function completePatch<K extends ResourceKind>(
  kind: K,
  current: ConfigOf<K>,
  patch: Record<string, unknown>,
): Record<string, unknown> {
  const complete = COMPLETIONS[kind] as Completion<K> | undefined;
  return complete ? complete(current, patch) : patch;
}
