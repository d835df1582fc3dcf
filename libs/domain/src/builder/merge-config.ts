import {
  defaultAwsBuilderConfig,
  defaultServerBuilderConfig,
  defaultUrlBuilderConfig,
  type BuilderConfig,
  type BuilderType,
} from './builder.config';

const VARIANT_DEFAULTS: Record<BuilderType, () => object> = {
  Url: defaultUrlBuilderConfig,
  Server: defaultServerBuilderConfig,
  Aws: defaultAwsBuilderConfig,
};

/**
 * A Builder config written in part (`{ type, params }` with some params), completed as Komodo's
 * `BuilderConfig::merge_partial` does: the same variant keeps the params not given; another
 * variant starts from that variant's defaults. Without it a partial `params` would replace the
 * stored one whole. Answers the fields to store: `{}` when nothing is given, else the whole
 * `type` and `params`.
 */
export function completeBuilderPatch(
  current: BuilderConfig,
  patch: Record<string, unknown>,
): Record<string, unknown> {
  if (patch.type === undefined && patch.params === undefined) return patch;
  const type = (patch.type ?? current.type) as BuilderType;
  const base = type === current.type ? current.params : VARIANT_DEFAULTS[type]?.();
  // An unknown type is refused by the config's checks; it is passed on as given.
  if (!base) return patch;
  const given = (patch.params ?? {}) as Record<string, unknown>;
  return { ...patch, type, params: { ...base, ...given } };
}
