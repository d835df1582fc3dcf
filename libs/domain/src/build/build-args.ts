import { attempt, byLine, problem, type FieldResult } from '../deployment/errors';
import { collectEnvironment } from '../deployment/environment';
import { collectKeyValueLines, type LineOptions } from '../deployment/multiline';
import type { Version } from '../resources/configs/common';
import { formatVersion } from './version';

/** A BuildKit secret: `RUN --mount=type=secret,id=<id>` reads its value, which no layer keeps. */
export interface BuildSecret {
  id: string;
  value: string;
}

/** BuildKit's secret ids as a mount names them: no `=`, `,` or `/`, which its syntax splits on. */
const SECRET_ID = /^[A-Za-z0-9_.-]{1,128}$/;
export const isSecretId = (id: string) => SECRET_ID.test(id) && !/^\.+$/.test(id);

/** `build_args` (Komodo's key-value lines) as the Engine's `buildargs`; names as env names. */
export function collectBuildArgs(
  text: string,
  field = 'build_args',
  options: LineOptions = {},
): FieldResult<Record<string, string>> {
  const { value, errors } = collectEnvironment(text, field, options);
  const args: Record<string, string> = {};
  for (const line of value) {
    const at = line.indexOf('=');
    args[line.slice(0, at)] = line.slice(at + 1);
  }
  return { value: args, errors };
}

/** `secret_args` (key-value lines) as BuildKit secrets; a repeated id keeps its last value. */
export function collectSecretArgs(
  text: string,
  field = 'secret_args',
  options: LineOptions = {},
): FieldResult<BuildSecret[]> {
  const { value: lines, errors } = collectKeyValueLines(text, field, options);
  const secrets = new Map<string, string>();
  for (const { key, value, line } of lines) {
    const ok = attempt(errors, field, line, () => {
      const id = options.lenientReferences ? key.replace(/\[\[\w+\]\]/g, 'X') : key;
      if (!isSecretId(id))
        problem(`'${key}' is not a secret id (letters, digits, '_', '.' or '-', up to 128)`);
      return true;
    });
    if (ok) secrets.set(key, value);
  }
  return { value: [...secrets].map(([id, value]) => ({ id, value })), errors: byLine(errors) };
}

/** Komodo adds `VERSION` (the version being built) unless the build args set it. */
export function withVersionArg(
  args: Record<string, string>,
  version: Version,
): Record<string, string> {
  return Object.hasOwn(args, 'VERSION') ? args : { ...args, VERSION: formatVersion(version) };
}
