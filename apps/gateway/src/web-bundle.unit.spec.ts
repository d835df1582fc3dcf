import express from 'express';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveWebBundle } from './web-bundle';

describe('the web bundle at /', () => {
  let dir: string;
  let server: Server;
  let url: string;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'monitor-web-bundle-'));
    const app = express();
    app.use(serveWebBundle(dir));
    app.use((_req, res) => res.status(404).json({ error: 'api 404' }));
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterEach(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  const build = () => {
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<div id="root"></div>');
    writeFileSync(join(dir, 'assets', 'index-abc.js'), 'console.log(1)');
  };

  it('says to run the build when there is no bundle', async () => {
    const response = await fetch(`${url}/`);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('run `npm run build`');
  });

  it('answers index.html for page paths, and assets as files cached for good', async () => {
    build();
    for (const path of ['/', '/deployments/web', '/updates']) {
      const page = await fetch(`${url}${path}`);
      expect(await page.text()).toBe('<div id="root"></div>');
      expect(page.headers.get('cache-control')).toBe('no-cache');
      expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    }
    const asset = await fetch(`${url}/assets/index-abc.js`);
    expect(await asset.text()).toBe('console.log(1)');
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${url}/assets/index-old.js`)).status).toBe(404);
  });

  it('leaves API paths and other methods to the API', async () => {
    build();
    for (const path of [
      '/read/ListServers',
      '/user',
      '/ws/update',
      '/events',
      '/listener/x',
      '/auth/x',
    ]) {
      expect(await (await fetch(`${url}${path}`)).json()).toEqual({ error: 'api 404' });
    }
    const post = await fetch(`${url}/deployments`, { method: 'POST' });
    expect(await post.json()).toEqual({ error: 'api 404' });
  });
});
