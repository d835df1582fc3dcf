import { checkPasswordStrength, hashPassword, verifyPassword } from './passwords';

describe('hashPassword / verifyPassword', () => {
  const password = 'correct horse battery staple';
  let stored: string;
  beforeAll(async () => {
    stored = await hashPassword(password);
  });

  it('stores a self-describing scrypt hash', () => {
    expect(stored).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/);
  });
  it('verifies the right password', async () => {
    await expect(verifyPassword(password, stored)).resolves.toBe(true);
  });
  it('refuses a wrong password', async () => {
    await expect(verifyPassword('correct horse battery stapler', stored)).resolves.toBe(false);
    await expect(verifyPassword('', stored)).resolves.toBe(false);
  });
  it('salts: two hashes of one password differ and both verify', async () => {
    const other = await hashPassword(password);
    expect(other).not.toBe(stored);
    await expect(verifyPassword(password, other)).resolves.toBe(true);
  });
  it('matches the same password in another Unicode normal form', async () => {
    const composed = await hashPassword('caf\u00e9 au lait!');
    await expect(verifyPassword('cafe\u0301 au lait!', composed)).resolves.toBe(true);
  });
  it('refuses a tampered hash, salt or parameter', async () => {
    const parts = stored.split('$');
    const flip = (text: string) => (text[0] === 'A' ? 'B' : 'A') + text.slice(1);
    const tampered = [
      [...parts.slice(0, 5), flip(parts[5])],
      [...parts.slice(0, 4), flip(parts[4]), parts[5]],
      [parts[0], '8192', ...parts.slice(2)],
      [parts[0], parts[1], '9', ...parts.slice(3)],
    ];
    for (const t of tampered)
      await expect(verifyPassword(password, t.join('$'))).resolves.toBe(false);
  });
  it('refuses malformed or dangerous stored values without throwing', async () => {
    const [, , , , salt, hash] = stored.split('$');
    const bad = [
      '',
      password,
      stored.replace('scrypt', 'bcrypt'),
      `${stored}$extra`,
      `scrypt$1000$8$1$${salt}$${hash}`, // N not a power of two
      `scrypt$1048576$32$1$${salt}$${hash}`, // 4 GiB of memory
      `scrypt$16384$8$1$${salt}$not*base64`,
      `scrypt$16384$8$1$$${hash}`,
    ];
    for (const b of bad) await expect(verifyPassword(password, b)).resolves.toBe(false);
  });
});

describe('checkPasswordStrength', () => {
  const weak = (password: string, username = 'alice') => checkPasswordStrength(password, username);

  it('accepts a decent password', () => {
    expect(weak('tangerine-Otter-42')).toBeUndefined();
    expect(weak('x'.repeat(1023) + 'y')).toBeUndefined();
  });
  it.each([
    ['', 'password is empty'],
    ['abc123', 'password is shorter than 8'],
    ['\u{1F600}'.repeat(7), 'password is shorter than 8'],
    ['a'.repeat(1025), 'password is longer than 1024'],
    ['zzzzzzzzzz', 'password is a single repeated character'],
    ['Alice', 'password is shorter than 8'],
    ['ALICEALICE', 'password contains the username'],
    ['my-alice-pass', 'password contains the username'],
    ['Password123', 'password is too common'],
    ['qwertyuiop', 'password is too common'],
    ['komodo123', 'password is too common'],
  ])('refuses %j: %s', (password, reason) => {
    expect(weak(password)).toBe(reason);
  });
  it('refuses the username itself', () => {
    expect(weak('Administrator1', 'administrator1')).toBe('password is the username');
  });
  it('ignores an empty username', () => {
    expect(weak('tangerine-Otter-42', '')).toBeUndefined();
  });
});
