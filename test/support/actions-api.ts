import { freePort } from './free-port';

/**
 * The settings by which an Action's script reaches an embedded Monitor: the gateway on a free
 * port chosen before it starts (with the default port 0, the script would not know where to call).
 */
export async function actionsApiEnv(): Promise<Record<string, string>> {
  const port = await freePort();
  return { MONITOR_PORT: String(port), MONITOR_ACTIONS_API_URL: `http://127.0.0.1:${port}` };
}
