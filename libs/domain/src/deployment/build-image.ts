import type { BuildConfig } from '../build/build.config';
import { imageRepository } from '../build/image-tags';
import type { Version } from '../resources/configs/common';

/** What of a Build decides the image a Deployment runs. */
export type BuildImageSource = {
  name: string;
  config: Pick<BuildConfig, 'image_name' | 'image_tag' | 'image_registry'>;
};

export interface BuildImage {
  /** `domain/organization/name:tag`, as the Build pushes it. */
  image: string;
  /** The account of the Build's first registry: the Deployment's own wins when set. */
  account: string;
}

const isLatest = (v: Version) => v.major === 0 && v.minor === 0 && v.patch === 0;

/**
 * As Komodo names a Build's image: `image_name` (else the Build's name) under its first
 * registry's domain and organization (else the account); the tag is the version, `latest` for
 * 0.0.0, with `-<image_tag>` when the Build has one.
 */
export function buildImage(build: BuildImageSource, version: Version): BuildImage {
  const registry = build.config.image_registry[0];
  // The name the Build tags: a registry without a domain keeps the image local.
  const path = imageRepository(build, registry?.domain.trim() ? registry : undefined);
  const base = isLatest(version) ? 'latest' : `${version.major}.${version.minor}.${version.patch}`;
  const tag = build.config.image_tag.trim() ? `${base}-${build.config.image_tag.trim()}` : base;
  return { image: `${path}:${tag}`, account: registry?.account.trim() ?? '' };
}
