/** What is wrong with a field's value, worded to follow its path ("must be …"); none if fine. */
export type ValueProblem = string | undefined;

/** A value as a message quotes it: JSON-quoted, long ones cut. */
export const shown = (value: string) =>
  JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
