/** Injection tokens of what one process shares between its services. */
export const MONITOR_CONFIG = Symbol('MONITOR_CONFIG');
export const EVENT_STORE = Symbol('EVENT_STORE');
export const CHECKPOINTS = Symbol('CHECKPOINTS');
export const READ_MODEL = Symbol('READ_MODEL');
export const KEYRING = Symbol('KEYRING');
