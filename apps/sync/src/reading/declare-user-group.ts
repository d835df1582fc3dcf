import {
  type DeclaredPermission,
  type DeclaredUserGroup,
  PERMISSION_LEVELS,
  RESOURCE_KINDS,
  RESOURCE_TARGET_TYPES,
  SPECIFIC_PERMISSIONS,
} from '@monitor/domain';
import { describeValue } from './describe-value';
import type { Entry } from './entry';
import { isTable } from './is-table';

/** Komodo's targets and Monitor's kinds beyond them (ServerTemplate): what a grant may name. */
const TARGET_TYPES = [...new Set<string>([...RESOURCE_TARGET_TYPES, ...RESOURCE_KINDS])];

const USER_GROUP_KEYS = ['name', 'everyone', 'users', 'all', 'permissions', 'permission'];

const oneOf = (values: readonly string[], v: unknown) =>
  typeof v === 'string' && values.includes(v)
    ? undefined
    : `must be one of ${values.join(', ')} (got ${describeValue(v)})`;

/** Komodo's PermissionLevelAndSpecifics: "Write", or { level, specific }. */
function levelProblem(v: unknown): { field: string; message: string } | undefined {
  if (typeof v === 'string') {
    const problem = oneOf(PERMISSION_LEVELS, v);
    return problem ? { field: '', message: problem } : undefined;
  }
  if (!isTable(v))
    return {
      field: '',
      message: `must be a level or a table { level, specific } (got ${describeValue(v)})`,
    };
  const level = v.level === undefined ? undefined : oneOf(PERMISSION_LEVELS, v.level);
  if (level) return { field: 'level', message: level };
  const specific = v.specific ?? [];
  if (!Array.isArray(specific))
    return { field: 'specific', message: `must be an array (got ${describeValue(specific)})` };
  for (const [i, s] of specific.entries()) {
    const problem = oneOf(SPECIFIC_PERMISSIONS, s);
    if (problem) return { field: `specific.${i}`, message: problem };
  }
  return undefined;
}

function readAll(entry: Entry): Record<string, unknown> | undefined {
  const all = entry.table('all');
  if (!all) return undefined;
  let ok = true;
  for (const [type, grant] of Object.entries(all)) {
    const typeProblem = oneOf(TARGET_TYPES, type);
    const problem = typeProblem
      ? { field: '', message: `key ${typeProblem}` }
      : levelProblem(grant);
    if (!problem) continue;
    ok = false;
    entry.report('error', ['all', type, problem.field].filter(Boolean).join('.'), problem.message);
  }
  return ok ? all : undefined;
}

function readPermission(entry: Entry, at: string, v: unknown): DeclaredPermission | undefined {
  const fail = (field: string, message: string) => {
    entry.report('error', [at, field].filter(Boolean).join('.'), message);
    return undefined;
  };
  if (!isTable(v))
    return fail('', `must be a table { target, level, specific } (got ${describeValue(v)})`);
  const target = v.target;
  if (!isTable(target))
    return fail('target', `must be a table { type, id } (got ${describeValue(target)})`);
  const type = oneOf(TARGET_TYPES, target.type);
  if (type) return fail('target.type', type);
  if (typeof target.id !== 'string')
    return fail('target.id', `must be a string (got ${describeValue(target.id)})`);
  const problem = levelProblem({ level: v.level, specific: v.specific });
  if (problem) return fail(problem.field, problem.message);
  return {
    target: { type: target.type as string, id: target.id },
    ...(typeof v.level === 'string' && { level: v.level }),
    ...(Array.isArray(v.specific) && { specific: v.specific as string[] }),
  };
}

/** A `[[user_group]]` table (Komodo's UserGroupToml; `permission` is its alias of `permissions`). */
export function declareUserGroup(entry: Entry): DeclaredUserGroup | undefined {
  entry.warnUnknown(USER_GROUP_KEYS);
  const name = entry.name();
  const everyone = entry.boolean('everyone');
  const users = entry.strings('users');
  const all = readAll(entry);
  if (entry.value.permission !== undefined && entry.value.permissions !== undefined) {
    entry.report('error', 'permission', "give 'permissions' or its alias 'permission', not both");
    return undefined;
  }
  const key = entry.value.permission !== undefined ? 'permission' : 'permissions';
  const given = entry.value[key];
  if (given !== undefined && !Array.isArray(given)) {
    entry.report('error', key, `must be an array of tables (got ${describeValue(given)})`);
    return undefined;
  }
  const permissions = (given ?? []).map((p, i) => readPermission(entry, `${key}.${i}`, p));
  if (name === undefined || permissions.includes(undefined)) return undefined;
  if (key === 'permission') entry.lines.rename('permission', 'permissions');
  return {
    name,
    ...(everyone !== undefined && { everyone }),
    ...(users !== undefined && { users }),
    ...(all !== undefined && { all }),
    ...(given !== undefined && { permissions: permissions as DeclaredPermission[] }),
    source: { file: entry.lines.file, line: entry.lines.line },
    lines: entry.lines.keyLines(),
  };
}
