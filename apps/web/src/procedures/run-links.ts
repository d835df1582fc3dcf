/** How a procedure run's log names a child's Update (`Update <id>: succeeded`). */
const CHILD = /\bUpdate ([0-9a-f]{24})\b/g;

/** The child Updates a run's log names, each once, in the order they appear. */
export function childUpdateIds(logs: readonly { stdout: string }[]): string[] {
  const ids = logs.flatMap((log) => [...log.stdout.matchAll(CHILD)].map((m) => m[1]));
  return [...new Set(ids)];
}

/** The run this Update is a child of (`other_data`, JSON, `{ parent }`); none when absent or unreadable. */
export function parentUpdateId(otherData: string | undefined): string | undefined {
  if (!otherData) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(otherData);
  } catch {
    // other_data is free for any execution's use: what is not JSON names no parent.
    return undefined;
  }
  const parent = (data as { parent?: unknown } | null)?.parent;
  return typeof parent === 'string' && parent ? parent : undefined;
}
