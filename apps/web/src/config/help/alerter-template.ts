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

/** What each param of an Alerter's endpoint means, whichever types have it. */
export const ALERTER_ENDPOINT_PARAM_HELP: Record<string, string> = {
  url: 'Where to send: the webhook or server url; may hold [[VARIABLES]] and is shown masked once saved.',
  email: 'Ntfy: an e-mail address ntfy forwards each alert to; empty forwards nothing.',
  bot_token: 'Telegram: the token BotFather gave the bot; shown masked once saved.',
  chat_id: 'Telegram: the chat, group or channel the bot posts to (a channel id starts with -100).',
  host: 'Email: the SMTP server to send through.',
  port: 'Email: the SMTP port, usually 587 with starttls or 465 with tls.',
  security: 'Email: none (plain, local servers only), starttls (upgrade on connect) or tls.',
  username: 'Email: the SMTP account; empty sends without logging in.',
  password: 'Email: the SMTP account password; shown masked once saved.',
  from: 'Email: the sender address the mails come from.',
  to: 'Email: the recipients, one address per line.',
};

export const SERVER_TEMPLATE_HELP: Partial<Record<keyof ServerTemplateConfig, string>> = {
  type: 'The cloud to launch servers in: Aws (an EC2 instance) or Hetzner (a Hetzner Cloud server).',
  params:
    'How to launch: region or datacenter, image, size, network, volumes, user data, agent port.',
};

/** What a ServerTemplate's params mean, where the field name does not say it. */
export const SERVER_TEMPLATE_PARAM_HELP: Record<string, string> = {
  cloud_account:
    "Whose credentials launch: a cloud account of this provider (Settings, Cloud accounts) or the core's.",
  datacenter:
    "Hetzner: Komodo's name or Hetzner's, e.g. Nuremberg1Dc3 or nbg1-dc3, Helsinki1Dc2 or hel1-dc2; the launch sends Hetzner's.",
  server_type:
    "Hetzner: Komodo's name or Hetzner's, e.g. SharedAmd2Core2Ram40Disk or cpx11; the launch sends Hetzner's.",
  user_data:
    "A script run at first boot, [[VARIABLES]] interpolated; the launch adds the agent's config beside it.",
};
