import type { ActionConfig, ProcedureConfig } from '@monitor/contracts';

/**
 * The parts of a Procedure's or an Action's config its own tabs edit; the resource page holds
 * configs of every kind, so the kind was checked before these are asked.
 */
export function stagesOf(config: unknown): ProcedureConfig['stages'] {
  return (config as Partial<ProcedureConfig>).stages ?? [];
}

export function scriptOf(config: unknown): { fileContents: string; arguments: string } {
  const { file_contents = '', arguments: args = '' } = config as Partial<ActionConfig>;
  return { fileContents: file_contents, arguments: args };
}
