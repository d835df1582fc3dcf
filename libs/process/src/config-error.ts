/** A configuration that cannot start the process: the message names the key and why. */
export class ConfigError extends Error {
  readonly code = 'CONFIG';
}
