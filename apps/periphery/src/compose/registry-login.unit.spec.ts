import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { withRegistryLogin } from './registry-login';

describe('withRegistryLogin', () => {
  it('gives the command a Docker config holding only this login, private, removed after', async () => {
    let folder = '';
    const answer = await withRegistryLogin(
      { domain: '127.0.0.1:5000', username: 'puller', token: 'tok-123' },
      async (env) => {
        folder = env.DOCKER_CONFIG;
        const file = join(folder, 'config.json');
        expect(statSync(file).mode & 0o777).toBe(0o600);
        expect(statSync(folder).mode & 0o777).toBe(0o700);
        expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
          auths: { '127.0.0.1:5000': { auth: Buffer.from('puller:tok-123').toString('base64') } },
        });
        return 'ran';
      },
    );
    expect(answer).toBe('ran');
    expect(existsSync(folder)).toBe(false);
  });

  it('removes the folder when the command fails, and sets nothing without a login', async () => {
    let folder = '';
    await expect(
      withRegistryLogin({ domain: 'r', username: 'u', token: 't' }, async (env) => {
        folder = env.DOCKER_CONFIG;
        throw new Error('compose failed');
      }),
    ).rejects.toThrow('compose failed');
    expect(existsSync(folder)).toBe(false);
    await withRegistryLogin(undefined, async (env) => expect(env).toEqual({}));
  });
});
