import type { MonitorClient } from '@monitor/contracts';
import type { KomodoClient } from 'komodo_client';

/** One thing a script can name: its signature, and what it does. */
export interface Member {
  detail: string;
  info: string;
}

const NO_TERMINALS = 'Monitor has no terminals: this call fails.';
const terminal = (detail: string): Member => ({ detail, info: NO_TERMINALS });

/**
 * komodo_client 2.3.2's client, every member: the compiler checks the list against
 * `KomodoClient`'s type, so a newer client's members cannot go missing unnoticed.
 */
export const KOMODO_MEMBERS = {
  read: { detail: '(name, params)', info: 'A read request; answers its result.' },
  write: { detail: '(name, params)', info: 'A write request; answers its result.' },
  execute: {
    detail: '(name, params)',
    info: 'An execute request; answers its Update at once, while it runs.',
  },
  execute_and_poll: {
    detail: '(name, params)',
    info: 'An execute request, answering its Update once it is complete.',
  },
  poll_update_until_complete: {
    detail: '(update_id)',
    info: 'Waits for an Update to complete, and answers it.',
  },
  getUser: { detail: '()', info: 'The user the action runs as.' },
  core_version: { detail: '()', info: "Monitor's version." },
  auth: { detail: '{ login, manage, externalLogin }', info: 'The /auth API.' },
  get_update_websocket: {
    detail: '({ on_update, … })',
    info: 'Opens /ws/update and calls on_update for each Update.',
  },
  subscribe_to_update_websocket: {
    detail: '({ on_update, retry, … })',
    info: '/ws/update, opened again when it drops: never resolves.',
  },
  connect_terminal: terminal('({ query, on_message, … })'),
  execute_terminal: terminal('(request, callbacks)'),
  execute_terminal_stream: terminal('(request)'),
  execute_server_terminal: terminal('({ server, terminal, command }, callbacks)'),
  execute_container_terminal: terminal('({ server, container, terminal, command }, callbacks)'),
  execute_stack_service_terminal: terminal('({ stack, service, terminal, command }, callbacks)'),
  execute_deployment_terminal: terminal('({ deployment, terminal, command }, callbacks)'),
  execute_container_exec: terminal('({ server, container, shell, command }, callbacks)'),
  execute_deployment_exec: terminal('({ deployment, shell, command }, callbacks)'),
  execute_stack_exec: terminal('({ stack, service, shell, command }, callbacks)'),
} satisfies Record<keyof ReturnType<typeof KomodoClient>, Member>;

/** Monitor's typed client (`monitorClient` of @monitor/contracts), every member. */
export const MONITOR_MEMBERS = {
  read: { detail: '(name, params)', info: 'A read request, typed by the catalogue.' },
  write: { detail: '(name, params)', info: 'A write request, typed by the catalogue.' },
  execute: {
    detail: '(name, params)',
    info: 'An execute request; answers its Update at once, while it runs.',
  },
} satisfies Record<keyof MonitorClient, Member>;

/** What the script finds defined before its first line. */
export const GLOBALS: Readonly<Record<string, Member>> = {
  komodo: {
    detail: 'KomodoClient',
    info: "komodo_client's client, signed in as the action's user.",
  },
  monitor: { detail: 'MonitorClient', info: "Monitor's typed client, with the same key." },
  ARGS: {
    detail: 'Record<string, unknown>',
    info: "The action's arguments, with the args given to Run over them.",
  },
};

export const CLIENT_MEMBERS: Readonly<Record<string, Readonly<Record<string, Member>>>> = {
  komodo: KOMODO_MEMBERS,
  monitor: MONITOR_MEMBERS,
};
