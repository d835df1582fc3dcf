import type { AlerterConfig, ServerTemplateConfig } from '@monitor/contracts';
import { MAINTENANCE_WINDOWS } from './common';

export const ALERTER_HELP: Partial<Record<keyof AlerterConfig, string>> = {
  enabled: 'Disabled alerters send nothing.',
  endpoint:
    'Where alerts go, with its url: Custom (JSON posted to the url), Slack, Discord, Ntfy or Pushover.',
  alert_types: 'Alert types to send, e.g. ServerCpu; empty sends every type.',
  resources: 'Resources to alert on, each { type, id }; empty means every resource.',
  except_resources: 'Resources never alerted on, each { type, id }.',
  maintenance_windows: MAINTENANCE_WINDOWS,
};

export const SERVER_TEMPLATE_HELP: Partial<Record<keyof ServerTemplateConfig, string>> = {
  type: 'The cloud to launch servers in: Aws (an EC2 instance) or Hetzner (a Hetzner Cloud server).',
  params:
    'How to launch: region or datacenter, image, size, network, volumes, user data, agent port.',
};
