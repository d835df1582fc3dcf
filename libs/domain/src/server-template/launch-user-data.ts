import { parse } from 'yaml';
import { invalid } from '../shared/domain-error';
import { interpolate, type VariableValue } from '../variables/interpolate';
import { type AgentBoot, agentCloudConfig } from './agent-boot-config';
import { composeMultipart, type MimePart } from './cloud-init-mime';
import type { ServerTemplateType } from './server-template.config';
import { checkUserDataSize } from './user-data-limits';

export interface LaunchUserDataInput {
  /** The template's `user_data`, `[[VARIABLES]]` not yet interpolated. */
  userData: string;
  /** The variables by name; an unknown one fails the launch before anything is spent. */
  lookup: (name: string) => VariableValue | undefined;
  agent: AgentBoot;
}

export interface LaunchUserData {
  /** The document the provider gets (EC2 wants it base64-encoded, Hetzner as it is). */
  text: string;
  /** What must never be logged or shown: the secret variables used, the passkey, the TLS key. */
  secrets: string[];
}

/** cloud-init's part types by the first line of a user data text (cloud-init's own table). */
const STARTS: [RegExp, string][] = [
  [/^#!/, 'text/x-shellscript'],
  [/^#cloud-config\b/, 'text/cloud-config'],
  [/^#cloud-boothook\b/, 'text/cloud-boothook'],
  [/^#include(-once)?\b/, 'text/x-include-url'],
  [/^#part-handler\b/, 'text/part-handler'],
  [/^## template: jinja\b/, 'text/jinja2'],
  [/^(MIME-Version:[^\n]*\n)?Content-Type:\s*multipart\//i, 'multipart/mixed'],
];

/** The user's own part, typed as cloud-init would type it alone; none for empty user data. */
function userPart(text: string): MimePart | undefined {
  if (text.trim() === '') return undefined;
  const found = STARTS.find(([start]) => start.test(text));
  if (!found)
    throw invalid(
      'user_data: must start with #! (a script), #cloud-config, #cloud-boothook, #include, ' +
        '#part-handler, "## template: jinja" or a MIME multipart header; cloud-init ignores anything else',
      { field: 'user_data' },
    );
  if (found[1] === 'text/cloud-config') checkCloudConfig(text);
  return { contentType: found[1], body: text };
}

/** A `#cloud-config` that is not a YAML mapping would stop cloud-init, agent part and all. */
function checkCloudConfig(text: string): void {
  let value: unknown;
  try {
    value = parse(text);
  } catch (error) {
    throw invalid(`user_data: #cloud-config is not valid YAML: ${(error as Error).message}`, {
      field: 'user_data',
    });
  }
  if (value !== null && (typeof value !== 'object' || Array.isArray(value)))
    throw invalid('user_data: #cloud-config must be a YAML mapping (key: value)', {
      field: 'user_data',
    });
}

/**
 * The user data a launched server starts with: the template's `user_data`, variables
 * interpolated, as its own part (unchanged otherwise), then the part that configures and starts
 * the agent. Checked against the provider's limit, so an oversized one fails before any call.
 */
function launchUserData(provider: ServerTemplateType, input: LaunchUserDataInput): LaunchUserData {
  const { text: own, secrets } = interpolate(input.userData, input.lookup);
  const user = userPart(own);
  const agent: MimePart = { contentType: 'text/cloud-config', body: agentCloudConfig(input.agent) };
  const text = composeMultipart(user ? [user, agent] : [agent]);
  checkUserDataSize(provider, text);
  const hidden = [
    ...secrets,
    input.agent.passkey,
    ...(input.agent.tls ? [input.agent.tls.key] : []),
  ];
  return { text, secrets: hidden };
}

/** For EC2 RunInstances (16 KB before base64). */
export const awsLaunchUserData = (input: LaunchUserDataInput) => launchUserData('Aws', input);

/** For Hetzner's POST /v1/servers (32 KiB). */
export const hetznerLaunchUserData = (input: LaunchUserDataInput) =>
  launchUserData('Hetzner', input);
