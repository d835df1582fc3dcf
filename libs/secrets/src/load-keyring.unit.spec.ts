import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { newKeyFileData, serializeKeyFile } from './key-file';
import { Keyring } from './keyring';
import { loadKeyring, masterKeyPath } from './load-keyring';
import { codeOf, tempDir } from './test-support';

describe('loadKeyring', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => cleanup());

  it('creates <data_dir>/master.key with mode 0600 on first use, and reuses it', () => {
    const dataDir = join(dir, 'data');
    const first = loadKeyring({ dataDir });
    const path = masterKeyPath(dataDir);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const before = readFileSync(path, 'utf8');
    const sealed = first.seal('kept across restarts');

    const second = loadKeyring({ dataDir });
    expect(readFileSync(path, 'utf8')).toBe(before);
    expect(second.currentKid).toBe(first.currentKid);
    expect(second.open(sealed)).toBe('kept across restarts');
  });

  it('refuses a key file readable by group or others', () => {
    const path = join(dir, 'master.key');
    writeFileSync(path, serializeKeyFile(newKeyFileData()), { mode: 0o600 });
    chmodSync(path, 0o644);
    expect(codeOf(() => loadKeyring({ keyFile: path }))).toBe('SECRET_KEY_FILE_INSECURE');
    expect(loadKeyring({ keyFile: path, checkMode: false }).currentKid).toBeTruthy();
  });

  it('prefers the configured key, base64 or whole key file JSON, over files', () => {
    const base64 = Buffer.alloc(32, 1).toString('base64');
    expect(loadKeyring({ key: base64, dataDir: dir }).currentKid).toBe(
      Keyring.fromBase64(base64).currentKid,
    );
    const data = newKeyFileData();
    expect(loadKeyring({ key: serializeKeyFile(data) }).currentKid).toBe(data.current);
  });

  it('answers SECRET_KEY_INVALID for no key, a missing file, or a malformed one', () => {
    expect(codeOf(() => loadKeyring({}))).toBe('SECRET_KEY_INVALID');
    expect(codeOf(() => loadKeyring({ keyFile: join(dir, 'absent') }))).toBe('SECRET_KEY_INVALID');
    const bad = join(dir, 'bad.key');
    for (const text of [
      'nope',
      '{"current":"a","keys":{}}',
      '{"current":"a","keys":{"a":"short"}}',
    ]) {
      writeFileSync(bad, text, { mode: 0o600 });
      expect(codeOf(() => loadKeyring({ keyFile: bad }))).toBe('SECRET_KEY_INVALID');
    }
  });
});
