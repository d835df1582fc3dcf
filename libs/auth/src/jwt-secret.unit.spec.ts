import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadOrCreateJwtSecret } from './jwt-secret';

describe('loadOrCreateJwtSecret', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'monitor-auth-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('creates 32 random bytes, mode 0600, with parent directories', () => {
    const path = join(dir, 'nested', 'deeper', 'jwt-secret');
    const secret = loadOrCreateJwtSecret(path);
    expect(secret).toHaveLength(32);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readFileSync(path, 'utf8').trim()).toBe(secret.toString('base64'));
  });
  it('reuses the secret on the next start', () => {
    const path = join(dir, 'jwt-secret');
    const first = loadOrCreateJwtSecret(path);
    expect(loadOrCreateJwtSecret(path).equals(first)).toBe(true);
    expect(loadOrCreateJwtSecret(path).equals(loadOrCreateJwtSecret(join(dir, 'b')))).toBe(false);
  });
  it('reads a secret provisioned by the operator', () => {
    const path = join(dir, 'jwt-secret');
    const provisioned = Buffer.alloc(48, 7);
    writeFileSync(path, `  ${provisioned.toString('base64')}\n\n`);
    expect(loadOrCreateJwtSecret(path).equals(provisioned)).toBe(true);
  });
  it.each([
    ['empty', ''],
    ['too short', Buffer.alloc(16).toString('base64')],
    ['not base64', 'this is not a base64 secret at all, sorry!!'],
  ])('refuses a file that is %s rather than replacing it', (_, content) => {
    const path = join(dir, 'jwt-secret');
    writeFileSync(path, content);
    expect(() => loadOrCreateJwtSecret(path)).toThrow(/at least 32 bytes/);
    expect(readFileSync(path, 'utf8')).toBe(content);
  });
});
