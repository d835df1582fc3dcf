import { attempt, hasReference, orThrow, problem, type FieldResult } from './errors';
import { significantLines, type LineOptions } from './multiline';

/** Docker's bind and volume mount options (`-v a:b:ro,z`). */
export const VOLUME_OPTIONS = [
  'ro',
  'rw',
  'z',
  'Z',
  'nocopy',
  'consistent',
  'cached',
  'delegated',
  'shared',
  'rshared',
  'slave',
  'rslave',
  'private',
  'rprivate',
] as const;

// Docker wants two characters at least.
const VOLUME_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

export interface VolumeMount {
  /** An absolute host path, or a named volume. */
  source: string;
  target: string;
  options: string[];
}

function checkSource(source: string): void {
  if (source.startsWith('/') || VOLUME_NAME.test(source)) return;
  if (/[/~]/.test(source) || source.startsWith('.'))
    problem(`host path ${source} must be absolute`);
  problem(
    `'${source}' is neither an absolute host path nor a volume name ([a-zA-Z0-9][a-zA-Z0-9_.-]+)`,
  );
}

function checkTarget(target: string): void {
  if (!target.startsWith('/')) problem(`container path ${target} must be absolute`);
}

function checkOptions(text: string): string[] {
  const options = text.split(',').map((o) => o.trim());
  for (const o of options) {
    if (!(VOLUME_OPTIONS as readonly string[]).includes(o)) {
      problem(`'${o}' is not a volume option (${VOLUME_OPTIONS.join(', ')})`);
    }
  }
  if (options.includes('ro') && options.includes('rw')) problem(`'${text}' is both ro and rw`);
  return options;
}

/** Komodo splits volume lines at the first `=` or `:`, so `/a = /b` means `/a:/b`. */
function pieces(item: string): string[] {
  return item
    .replace(/^([^:]*)=/, '$1:')
    .split(':')
    .map((p) => p.trim());
}

/**
 * `source:/container/path[:options]` where source is an absolute host path or a named volume.
 * Anonymous volumes (`/data` alone) and relative or `~` host paths are refused: the Engine API
 * has no shell or working directory to resolve them against, unlike `docker run` in Komodo.
 */
export function parseVolume(item: string): VolumeMount {
  const parts = pieces(item);
  if (parts.length < 2)
    problem(`'${item}' needs a source and a container path (source:/container/path)`);
  if (parts.length > 3) problem(`'${item}' has too many ':' (source:/container/path[:options])`);
  if (parts.includes('')) problem(`'${item}' has an empty part`);
  const [source, target, options] = parts;
  checkSource(source);
  checkTarget(target);
  return { source, target, options: options === undefined ? [] : checkOptions(options) };
}

/** At write time, with `[[REFERENCES]]`: each literal piece between the `:` is checked alone. */
function checkAround(item: string): void {
  // A reference holds no ':' or '=', so the pieces are those of the expansion.
  const parts = pieces(item);
  parts.forEach((part, i) => {
    if (hasReference(part)) {
      if (i === 0 && /^[.~]/.test(part)) problem(`host path ${part} must be absolute`);
      return;
    }
    if (part === '') problem(`'${item}' has an empty part`);
    if (i === 0) checkSource(part);
    else if (!part.startsWith('/') && i === parts.length - 1 && i > 1) checkOptions(part);
    else checkTarget(part);
  });
}

const bind = (m: VolumeMount) =>
  [m.source, m.target, ...(m.options.length ? [m.options.join(',')] : [])].join(':');

/** Docker's `HostConfig.Binds`; mounting two things on one container path is refused here. */
export function collectVolumes(
  text: string,
  field = 'volumes',
  options: LineOptions = {},
): FieldResult<string[]> {
  const value: string[] = [];
  const errors: FieldResult<string[]>['errors'] = [];
  const targets = new Map<string, number>();
  for (const { value: item, line } of significantLines(text, options)) {
    if (options.lenientReferences && hasReference(item)) {
      attempt(errors, field, line, () => checkAround(item));
      continue;
    }
    const mount = attempt(errors, field, line, () => {
      const m = parseVolume(item);
      const target = m.target.replace(/(.)\/+$/, '$1');
      const first = targets.get(target);
      if (first !== undefined)
        problem(`container path ${m.target} is already mounted on line ${first}`);
      targets.set(target, line);
      return m;
    });
    if (mount) value.push(bind(mount));
  }
  return { value, errors };
}

export function parseVolumes(text: string, field = 'volumes', options?: LineOptions): string[] {
  return orThrow(collectVolumes(text, field, options));
}
