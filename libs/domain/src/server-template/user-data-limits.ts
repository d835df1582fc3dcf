import { invalid } from '../shared/domain-error';
import type { ServerTemplateType } from './server-template.config';
import type { ValueProblem as Problem } from './field-problem';

/**
 * What each provider takes as user data, in bytes of UTF-8: EC2 16 KB before its base64
 * encoding, Hetzner 32 KiB.
 */
export const USER_DATA_LIMITS: Record<ServerTemplateType, number> = {
  Aws: 16 * 1024,
  Hetzner: 32 * 1024,
};

export const utf8Bytes = (text: string) => new TextEncoder().encode(text).length;

export function userDataSizeProblem(provider: ServerTemplateType, text: string): Problem {
  const size = utf8Bytes(text);
  const limit = USER_DATA_LIMITS[provider];
  return size <= limit
    ? undefined
    : `is ${size} bytes, over the ${limit} bytes ${provider === 'Aws' ? 'EC2' : 'Hetzner'} takes`;
}

/** Throws the validation error a launch answers with, naming `user_data`. */
export function checkUserDataSize(provider: ServerTemplateType, text: string): void {
  const problem = userDataSizeProblem(provider, text);
  if (problem)
    throw invalid(`user_data ${problem} (with what the launch adds to start the agent)`, {
      field: 'user_data',
      size: utf8Bytes(text),
      limit: USER_DATA_LIMITS[provider],
    });
}
