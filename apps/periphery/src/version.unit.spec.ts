import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PERIPHERY_VERSION } from './version';

it('reports the version of package.json', () => {
  const pkg = JSON.parse(readFileSync(join(__dirname, '../../../package.json'), 'utf8')) as {
    version: string;
  };
  expect(PERIPHERY_VERSION).toBe(pkg.version);
});
