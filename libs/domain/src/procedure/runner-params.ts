/** A param of a runner execution that does not hold: the param named, and why. */
export interface ParamProblem {
  param: string;
  message: string;
}

type Rule = (value: unknown) => string | undefined;

const name: Rule = (v) =>
  typeof v === 'string' && v.trim() ? undefined : 'must be a non-empty string';
const optionalObject: Rule = (v) =>
  v === undefined || (typeof v === 'object' && v !== null && !Array.isArray(v))
    ? undefined
    : 'must be an object';
const duration: Rule = (v) =>
  v === undefined || (Number.isSafeInteger(v) && (v as number) >= 0)
    ? undefined
    : 'must be a whole number of milliseconds, 0 or more';

/**
 * The params of the executions only a procedure's runner knows (Komodo's `Sleep`, `None`,
 * `RunProcedure`, `RunAction` and their batches), as komodo_client 2.3.2 types them; used while
 * the catalogue has no request of that name, whose DTO then checks them instead.
 */
const RUNNER_PARAMS: Record<string, Record<string, Rule>> = {
  None: {},
  Sleep: { duration_ms: duration },
  RunProcedure: { procedure: name },
  BatchRunProcedure: { pattern: name },
  RunAction: { action: name, args: optionalObject },
  BatchRunAction: { pattern: name },
};

const REQUIRED: Record<string, string[]> = {
  RunProcedure: ['procedure'],
  BatchRunProcedure: ['pattern'],
  RunAction: ['action'],
  BatchRunAction: ['pattern'],
};

/** The first param of a runner execution that does not hold (unknown ones included). */
export function runnerParamProblem(
  type: string,
  params: Record<string, unknown>,
): ParamProblem | undefined {
  const rules = RUNNER_PARAMS[type] ?? {};
  for (const param of REQUIRED[type] ?? [])
    if (!(param in params)) return { param, message: 'is required' };
  for (const [param, value] of Object.entries(params)) {
    const rule = rules[param];
    if (!rule) return { param, message: `is not a param of ${type}` };
    const message = rule(value);
    if (message) return { param, message };
  }
  return undefined;
}
