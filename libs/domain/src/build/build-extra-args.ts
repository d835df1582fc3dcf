import { collectCommand } from '../deployment/command';
import { fieldError, type FieldResult } from '../deployment/errors';
import { isEnvName } from '../deployment/environment';
import { reservedLabelPrefix } from '../deployment/labels';
import { walkFlags, type FlagRule, type FlagTable } from '../shared/flag-words';
import { isImageReference } from '../shared/runtime-syntax';

/** The Engine API's `/build` options that a Build's `docker build` flags set. */
export interface BuildExtras {
  nocache?: boolean;
  pull?: boolean;
  target?: string;
  platform?: string;
  networkmode?: string;
  cachefrom?: string[];
  buildargs: Record<string, string>;
  labels: Record<string, string>;
}

const WORD = /^[A-Za-z0-9][A-Za-z0-9_./-]{0,127}$/;
/** The networks a build step may join; `host` is the host's own (a host power). */
const NETWORKS = ['default', 'none', 'host'];

const keyValue = (value: string) => {
  const at = value.indexOf('=');
  return at > 0 ? [value.slice(0, at), value.slice(at + 1)] : [value, ''];
};

/**
 * Only flags that change what is built, never where its files or outputs go on the host:
 * `--output`, `--iidfile`, `--secret src=`, `--ssh` or a second `-f` would read or write the
 * builder's files, so they are refused by name.
 */
const FLAGS: Record<string, FlagRule<BuildExtras>> = {
  '--no-cache': { alone: true, apply: (x, v) => void (x.nocache = v !== 'false') },
  '--pull': { alone: true, apply: (x, v) => void (x.pull = v !== 'false') },
  '--target': {
    apply: (x, v) => (WORD.test(v) ? void (x.target = v) : `'${v}' is not a stage name`),
  },
  '--platform': {
    apply: (x, v) =>
      /^[a-z0-9]+\/[a-z0-9_]+(\/[a-z0-9]+)?$/.test(v)
        ? void (x.platform = v)
        : `'${v}' is not a platform (e.g. linux/amd64)`,
  },
  '--network': {
    apply: (x, v) =>
      NETWORKS.includes(v) ? void (x.networkmode = v) : `must be one of ${NETWORKS.join(', ')}`,
  },
  '--cache-from': {
    apply: (x, v) =>
      isImageReference(v)
        ? void (x.cachefrom = [...(x.cachefrom ?? []), v])
        : `'${v}' is not an image reference`,
  },
  '--build-arg': {
    apply: (x, v) => {
      const [key, val] = keyValue(v);
      if (!isEnvName(key)) return `'${key}' is not a build arg name`;
      x.buildargs[key] = val;
      return undefined;
    },
  },
  '--label': {
    apply: (x, v) => {
      const [key, val] = keyValue(v);
      if (!key || /\s/.test(key)) return `'${key}' is not a label key`;
      if (reservedLabelPrefix(key)) return `'${key}' is reserved for Monitor and compose`;
      x.labels[key] = val;
      return undefined;
    },
  },
};

const DOCKER_BUILD: FlagTable<BuildExtras> = {
  flags: FLAGS,
  unknown: (flag, known) => `'${flag}' is not a build flag Monitor takes (it takes: ${known})`,
};

/**
 * Komodo's `extra_args` of a Build are `docker build` flags. Monitor builds through the Engine
 * API, so each flag becomes its `/build` option; any other flag is refused by name rather than
 * dropped. Entries are split into words as a shell would (`"--target prod"` is two words).
 */
export function collectBuildExtraArgs(
  args: string[],
  field = 'extra_args',
): FieldResult<BuildExtras> {
  const extras: BuildExtras = { buildargs: {}, labels: {} };
  const split = collectCommand(args.join(' '), field);
  if (split.errors.length) return { value: extras, errors: split.errors };
  const problems = walkFlags(split.value, DOCKER_BUILD, extras);
  return { value: extras, errors: problems.map((reason) => fieldError(field, reason)) };
}
