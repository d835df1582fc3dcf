import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { join } from 'node:path';

/** Clients that misbehave as an attacker's would, for the security tests. */

/** A GET /events the test holds open without reading it. */
export async function openStream(url: string, headers: Record<string, string>) {
  const controller = new AbortController();
  const response = await fetch(`${url}/events?after=0`, { headers, signal: controller.signal });
  return {
    status: response.status,
    // Held so that it is not collected: undici cancels the body of a collected response, which
    // closes the stream the test means to hold open.
    response,
    close: () => controller.abort(),
  };
}

/** `POST /read/GetVersion` from a given local address: the status. */
export function versionFrom(
  localAddress: string,
  port: number,
  headers: Record<string, string>,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, localAddress, method: 'POST', path: '/read/GetVersion', headers },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end('{}');
  });
}

/**
 * `count` idle TCP connections from a child process of its own (its own file limit), sending
 * nothing. `ready` tells how many the server still holds once all were attempted.
 */
export function flood(port: number, count: number) {
  const child = spawn(process.execPath, [join(__dirname, 'idle-connections.child.js')], {
    env: { ...process.env, PORT: String(port), COUNT: String(count) },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  type Counts = { open: number; refused: number };
  let output = '';
  let latest: Counts | undefined;
  const ready = new Promise<Counts>((resolve, reject) => {
    child.stdout!.on('data', (chunk) => {
      output += chunk;
      const lines = output.split('\n');
      output = lines.pop() ?? '';
      const last = lines.filter((l) => l.startsWith('{')).pop();
      if (last) {
        latest = JSON.parse(last) as Counts;
        resolve(latest);
      }
    });
    child.on('exit', (code) => reject(new Error(`flood exited with ${code}: ${output}`)));
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  return {
    ready,
    /** The counts last reported; they move while the server drains its listen backlog. */
    latest: () => latest ?? { open: count, refused: 0 },
    stop: async () => {
      child.stdin!.end();
      await exited;
    },
  };
}
