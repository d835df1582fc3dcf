import type { ImageRegistryConfig, Version } from '../resources/configs/common';
import type { BuildConfig } from './build.config';
import { formatVersion } from './version';

/** What of a Build names and tags its image. */
export interface BuildTagSource {
  name: string;
  config: Pick<
    BuildConfig,
    | 'image_name'
    | 'image_tag'
    | 'image_registry'
    | 'include_latest_tag'
    | 'include_version_tags'
    | 'include_commit_tag'
  >;
}

/** Komodo shows and tags a commit by its short hash. */
export const SHORT_COMMIT_LENGTH = 7;
export const shortCommit = (hash: string) => hash.trim().slice(0, SHORT_COMMIT_LENGTH);

/**
 * Docker's repository rule, as Komodo's `to_docker_compatible_name` names a Build: lowercase,
 * and `_`, `.`, `-` only between other characters.
 */
export function repositoryName(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9._/-]+/g, '_')
    .replace(/^[._-]+|[._-]+$/g, '');
}

/**
 * The image's name at one registry, as Komodo's `full_image_name`: under the registry's domain
 * and organization, else its account; without a registry, the local name alone. A domain with
 * neither (a registry open to all, such as one on 127.0.0.1) holds the name at its root.
 */
export function imageRepository(
  build: { name: string; config: Pick<BuildConfig, 'image_name'> },
  registry?: ImageRegistryConfig,
): string {
  const name = repositoryName(build.config.image_name || build.name);
  if (!registry) return name;
  const namespace = registry.organization.trim() || registry.account.trim();
  const domain = registry.domain.trim();
  return [domain, namespace.toLowerCase(), name].filter(Boolean).join('/');
}

/**
 * One name per registry the Build pushes to (Komodo's `get_image_names`); a registry without a
 * domain, or no registry at all, is the local name, kept on the builder only.
 */
export function buildImageNames(build: BuildTagSource): string[] {
  const registries = build.config.image_registry;
  if (!registries.length) return [imageRepository(build)];
  const names = registries.map((r) => imageRepository(build, r.domain.trim() ? r : undefined));
  return [...new Set(names)];
}

/**
 * Every `name:tag` a build of `version` tags and pushes, in Komodo's order (`get_image_tags`),
 * for each image name: the bare `image_tag` when set; `latest`; the version, `major.minor` and
 * `major` (include_version_tags); the short commit (include_commit_tag, when built from git).
 * With an `image_tag`, every tag but its own ends in `-<image_tag>`.
 */
export function buildImageTags(
  build: BuildTagSource,
  version: Version,
  commitHash?: string,
): string[] {
  const { image_tag, include_latest_tag, include_version_tags, include_commit_tag } = build.config;
  const custom = image_tag.trim();
  const suffix = custom ? `-${custom}` : '';
  const commit = commitHash ? shortCommit(commitHash) : '';
  const tags = [
    ...(custom ? [custom] : []),
    ...(include_latest_tag ? [`latest${suffix}`] : []),
    ...(include_version_tags
      ? [
          `${formatVersion(version)}${suffix}`,
          `${version.major}.${version.minor}${suffix}`,
          `${version.major}${suffix}`,
        ]
      : []),
    ...(include_commit_tag && commit ? [`${commit}${suffix}`] : []),
  ];
  return buildImageNames(build).flatMap((name) => tags.map((tag) => `${name}:${tag}`));
}
