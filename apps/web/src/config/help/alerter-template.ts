import type { AlerterConfig, ServerTemplateConfig } from '@monitor/contracts';
import { MAINTENANCE_WINDOWS } from './common';

export const ALERTER_HELP: Partial<Record<keyof AlerterConfig, string>> = {
  enabled: 'Disabled alerters send nothing.',
  endpoint:
    'Where alerts go: Custom (JSON to a url), Slack, Discord, Ntfy, Pushover, Telegram or Email (SMTP).',
  alert_types:
    'Types to send; none ticked sends every problem and failure, but no success such as BuildSucceeded.',
  resources: 'Resources to alert on, each { type, id }; empty means every resource.',
  except_resources: 'Resources never alerted on, each { type, id }.',
  maintenance_windows: MAINTENANCE_WINDOWS,
};

export const SERVER_TEMPLATE_HELP: Partial<Record<keyof ServerTemplateConfig, string>> = {
  type: 'The cloud to launch servers in: Aws (an EC2 instance) or Hetzner (a Hetzner Cloud server).',
  params:
    'How to launch: region or datacenter, image, size, network, volumes, user data, agent port.',
};
