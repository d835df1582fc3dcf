import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { transform } from 'sucrase';
import { MonitorRequestError, monitorClient } from '@monitor/contracts';

/** What the script is given: where Monitor is, the run's API key, and its ARGS. */
export interface ActionContext {
  url: string;
  key: string;
  secret: string;
  args: Record<string, unknown>;
}

/** komodo_client is written for browsers: it keeps tokens in `localStorage`. */
const STORAGE = `class MemoryStorage {
  #items = new Map();
  get length() { return this.#items.size; }
  key(i) { return [...this.#items.keys()][i] ?? null; }
  getItem(k) { return this.#items.get(k) ?? null; }
  setItem(k, v) { this.#items.set(k, String(v)); }
  removeItem(k) { this.#items.delete(k); }
  clear() { this.#items.clear(); }
}
globalThis.localStorage ??= new MemoryStorage();
`;

/** The folders of the packages the prelude loads, which the script may read. */
export function packageFolders(): string[] {
  return ['komodo_client', 'mogh_auth_client', 'jwt-decode'].map((name) =>
    packageRoot(require.resolve(name)),
  );
}

function packageRoot(entry: string): string {
  const marker = '/node_modules/';
  const at = entry.lastIndexOf(marker);
  const rest = entry.slice(at + marker.length).split('/');
  const depth = rest[0].startsWith('@') ? 2 : 1;
  return join(entry.slice(0, at + marker.length), ...rest.slice(0, depth));
}

/**
 * A fresh folder holding the script as an ES module (`main.mjs`, TypeScript removed by sucrase)
 * behind a prelude that makes `komodo`, `monitor` and `ARGS` global. A script that does not
 * parse throws here, before anything runs.
 */
export async function writeActionFiles(fileContents: string, context: ActionContext) {
  const script = transform(fileContents, {
    transforms: ['typescript'],
    disableESTransforms: true,
    filePath: 'action.ts',
  }).code;
  const folder = await mkdtemp(join(tmpdir(), 'monitor-action-'));
  const komodo = pathToFileURL(join(dirname(require.resolve('komodo_client')), 'lib.js')).href;
  const prelude = [
    `import './storage.mjs';`,
    `import { KomodoClient } from ${JSON.stringify(komodo)};`,
    `import { readFileSync } from 'node:fs';`,
    `const context = JSON.parse(readFileSync(new URL('./context.json', import.meta.url), 'utf8'));`,
    MonitorRequestError.toString(),
    `const monitorClient = ${monitorClient.toString()};`,
    `const key = { key: context.key, secret: context.secret };`,
    `globalThis.komodo = KomodoClient(context.url, { type: 'api-key', params: key });`,
    `globalThis.monitor = monitorClient({ url: context.url, ...key });`,
    `globalThis.ARGS = context.args;`,
  ].join('\n');
  await writeFile(join(folder, 'storage.mjs'), STORAGE);
  await writeFile(join(folder, 'prelude.mjs'), prelude);
  await writeFile(join(folder, 'context.json'), JSON.stringify(context), { mode: 0o600 });
  await writeFile(join(folder, 'main.mjs'), `import './prelude.mjs';\n${script}`);
  return { folder, main: join(folder, 'main.mjs') };
}
