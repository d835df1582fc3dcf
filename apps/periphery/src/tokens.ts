/** The agent's validated PeripheryConfig. */
export const PERIPHERY_CONFIG = Symbol('PERIPHERY_CONFIG');
/** The Dockerode client of the local engine. */
export const DOCKER = Symbol('DOCKER');
