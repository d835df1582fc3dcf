import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectSealed } from '@monitor/secrets';
import { startEmbedded } from '../support/embedded';

const CLI = join(__dirname, '..', '..', 'dist', 'apps', 'monitor', 'src', 'cli', 'master-key.js');

describe('master key rotation (npm run secrets -- rotate | retire)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'monitor-rotate-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  const events = () => {
    const db = new Database(join(dataDir, 'events.sqlite'), { readonly: true });
    try {
      return JSON.stringify(db.prepare('SELECT * FROM events ORDER BY position').all());
    } finally {
      db.close();
    }
  };
  const cli = (...args: string[]) =>
    JSON.parse(
      execFileSync(process.execPath, [CLI, ...args], {
        env: { ...process.env, MONITOR_DATA_DIR: dataDir },
      }).toString(),
    ) as {
      previousKid: string;
      currentKid: string;
      rewrapped: number;
      unreadable: unknown[];
    };

  it('keeps every secret readable, rewrites no event, and drops the old key', async () => {
    let monitor = await startEmbedded({}, dataDir);
    await monitor.admin.write('CreateVariable', {
      name: 'API_TOKEN',
      value: 'token-before-rotation',
      is_secret: true,
    });
    await monitor.admin.write('CreateServer', {
      name: 'srv',
      config: { passkey: 'passkey-before-rotation' },
    });
    await monitor.stop();
    const before = events();
    const keyBefore = JSON.parse(readFileSync(join(dataDir, 'master.key'), 'utf8')) as {
      current: string;
    };

    const rotated = cli('rotate');
    expect(rotated.previousKid).toBe(keyBefore.current);
    expect(rotated.currentKid).not.toBe(keyBefore.current);
    expect(rotated.rewrapped).toBe(2);
    expect(rotated.unreadable).toEqual([]);
    cli('retire', rotated.previousKid);

    const keyAfter = JSON.parse(readFileSync(join(dataDir, 'master.key'), 'utf8')) as {
      keys: Record<string, string>;
    };
    expect(Object.keys(keyAfter.keys)).toEqual([rotated.currentKid]);
    expect(events()).toBe(before);

    monitor = await startEmbedded({}, dataDir);
    try {
      const all = await monitor.runtime.store.readAll(0, 10_000);
      const opened = all
        .flatMap((e) => collectSealed(e.data))
        .map((s) => monitor.runtime.keyring.open(s));
      expect(opened.sort()).toEqual(['passkey-before-rotation', 'token-before-rotation']);
      // the gateway opens it too: the same value is no change
      const head = await monitor.runtime.store.headPosition();
      await monitor.admin.write('UpdateVariableValue', {
        name: 'API_TOKEN',
        value: 'token-before-rotation',
      });
      expect(await monitor.runtime.store.headPosition()).toBe(head);
      await monitor.admin.write('UpdateVariableValue', {
        name: 'API_TOKEN',
        value: 'token-after-rotation',
      });
      expect(await monitor.runtime.store.headPosition()).toBeGreaterThan(head);
    } finally {
      await monitor.stop();
    }
  });
});
