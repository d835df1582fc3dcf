import type { Version } from '../resources/configs/common';

/** Komodo stores each part as an i32: a larger part could not be read back by its clients. */
export const VERSION_PART_MAX = 2_147_483_647;

const VERSION_TEXT = /^(\d+)(?:\.(\d+)(?:\.(\d+))?)?$/;

/** `1.2.3` (Komodo's Display). */
export const formatVersion = (v: Version) => `${v.major}.${v.minor}.${v.patch}`;

/** 0.0.0 is Komodo's "no version": never listed as built, tagged as `latest` by Deployments. */
export const isNoVersion = (v: Version) => v.major === 0 && v.minor === 0 && v.patch === 0;

/**
 * Komodo's version text: `major[.minor[.patch]]`, missing parts 0 (`'2'` is 2.0.0). Stricter
 * than Komodo on what it would misread: no sign, no fourth part, each part an i32.
 */
export function parseVersion(text: string): Version | undefined {
  const match = VERSION_TEXT.exec(text.trim());
  if (!match) return undefined;
  const [major, minor, patch] = match.slice(1).map((part) => Number(part ?? 0));
  const version = { major, minor, patch };
  return versionProblem(version) ? undefined : version;
}

/** Why a value is not a Version (whole parts from 0 to an i32's maximum), or undefined. */
export function versionProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return 'must be {major, minor, patch}';
  for (const part of ['major', 'minor', 'patch'] as const) {
    const n = (value as Record<string, unknown>)[part];
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > VERSION_PART_MAX)
      return `${part} must be a whole number from 0 to ${VERSION_PART_MAX}`;
  }
  return undefined;
}

/**
 * The version a run builds, as Komodo's RunBuild decides it before building: the patch goes up
 * by one unless the version is pinned (`auto_increment_version: false`). Recorded only when the
 * build succeeds, so a failed build leaves the version as it was.
 */
export function versionToBuild(current: Version, autoIncrement: boolean): Version {
  return autoIncrement ? { ...current, patch: current.patch + 1 } : { ...current };
}
