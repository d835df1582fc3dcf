/**
 * Docker's own rule for container names (an id also fits it). A name is data: it goes to the
 * Engine API in the URL path, never to a shell. A name outside this rule cannot exist, and could
 * change which Engine endpoint is called ("." lists containers, a "/" makes the engine redirect),
 * so it is answered "no container" without asking the engine.
 */
const CONTAINER_NAME = /^\/?[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;

export function isPossibleContainerName(name: string): boolean {
  return CONTAINER_NAME.test(name);
}

export function noContainerMessage(name: string): string {
  return `no container named ${JSON.stringify(name)} on this host`;
}
