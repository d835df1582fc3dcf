/**
 * The names of the agent's own environment that the programs it runs may read: what git, docker,
 * compose and a user's shell need to find programs, files, the engine and a proxy. Nothing else
 * passes: the agent's environment may hold its passkeys (`PERIPHERY_PASSKEYS`), the embedded
 * Monitor's secrets (`MONITOR_*`), cloud or registry tokens an operator set, and a user's
 * on_clone or pre_build could print them with `env`.
 */
const NAMES = new Set([
  'PATH',
  'HOME',
  'USER',
  'LOGNAME',
  'LANG',
  'LANGUAGE',
  'TZ',
  'TMPDIR',
  // Rootless Docker's socket lives there; `DOCKER_HOST` names it.
  'XDG_RUNTIME_DIR',
  'DOCKER_HOST',
  'DOCKER_CONFIG',
  'DOCKER_CERT_PATH',
  'DOCKER_TLS_VERIFY',
  'DOCKER_CONTEXT',
  'SSL_CERT_FILE',
  'SSL_CERT_DIR',
  'HTTP_PROXY',
  'HTTPS_PROXY',
  'NO_PROXY',
  'http_proxy',
  'https_proxy',
  'no_proxy',
]);

/** The agent's own settings and the embedded Monitor's: never passed, whatever the list says. */
const NEVER = /^(PERIPHERY|MONITOR)_/i;

/** Locale categories (`LC_ALL`, `LC_CTYPE`, ...). */
const LOCALE = /^LC_[A-Z]+$/;

/** Names the operator lets through as well (the agent's `command_env`), for this process. */
const operatorNames = new Set<string>();

/**
 * Adds names of the agent's environment its programs may read (`command_env`: a compose
 * wrapper's `SOPS_AGE_KEY_FILE`, say). One agent per process: set once, when it starts.
 */
export function passToCommands(names: readonly string[]): void {
  for (const name of names) {
    if (!isOperatorEnvName(name))
      throw new Error(`command_env: '${name}' may not be passed to commands`);
    operatorNames.add(name);
  }
}

/** A name the operator may pass: a plain variable name, never the agent's or Monitor's own. */
export function isOperatorEnvName(name: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !NEVER.test(name);
}

export function passesToCommands(name: string): boolean {
  return !NEVER.test(name) && (NAMES.has(name) || LOCALE.test(name) || operatorNames.has(name));
}

/**
 * The environment of a program the agent runs: the allowed names of the agent's own
 * environment, then what the caller gives for this program (a git token, a Docker config
 * folder), which is never filtered.
 */
export function commandEnv(
  own: Record<string, string | undefined>,
  given: Record<string, string> = {},
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(own)) {
    if (value !== undefined && passesToCommands(name)) env[name] = value;
  }
  return { ...env, ...given };
}
