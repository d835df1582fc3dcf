import type { ImageRegistryConfig } from '../resources/configs/common';
import type { BuildConfig } from './build.config';

/**
 * A Build write's `image_registry` items with Komodo's defaults for what an item leaves out
 * (`{ domain = "ghcr.io" }` alone is valid Komodo), so no stored item lacks a field.
 */
export function completeBuildPatch(
  _current: BuildConfig,
  patch: Record<string, unknown>,
): Record<string, unknown> {
  if (!Array.isArray(patch.image_registry)) return patch;
  const items = patch.image_registry as Partial<ImageRegistryConfig>[];
  return {
    ...patch,
    image_registry: items.map((item) => ({ domain: '', account: '', organization: '', ...item })),
  };
}
