import type { ServerTemplateConfig } from '../server-template.config';
import { utf8Bytes } from '../user-data-limits';
import type { LaunchedTemplate } from './server-launch';

/** The record's copy of a template: its config as launched, `user_data` only by its size. */
export function launchedTemplate(template: {
  id: string;
  name: string;
  config: ServerTemplateConfig;
}): LaunchedTemplate {
  const { user_data, ...params } = template.config.params;
  return {
    id: template.id,
    name: template.name,
    type: template.config.type,
    params: structuredClone(params),
    user_data_bytes: utf8Bytes(user_data),
  };
}
