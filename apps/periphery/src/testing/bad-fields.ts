import * as v from 'valibot';
import type { ParamsSchema } from '../api/params';

/** The fields (dotted paths) a schema refuses in `input`, each once; [] when it takes it. */
export function badFields(schema: ParamsSchema, input: unknown): string[] {
  const result = v.safeParse(schema, input);
  if (result.success) return [];
  const paths = result.issues.map((issue) =>
    (issue.path ?? []).map((step) => String(step.key)).join('.'),
  );
  return [...new Set(paths)];
}
