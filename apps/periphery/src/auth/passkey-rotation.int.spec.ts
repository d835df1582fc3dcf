import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AgentError,
  callAgent as coreCall,
  generatePasskey,
  rotateAgentPasskey,
  sealPasskey,
  signRequest,
  type AgentAddress,
} from '@monitor/agent-client';
import { callAgent } from '../testing/call-agent';
import { startTestAgent, type TestAgent } from '../testing/test-agent';
import { passkeyFile } from './passkey-file';

/** The launch's passkey: the one in the user data, single-use. */
const LAUNCH_PASSKEY = generatePasskey();

/** The agent's RotatePasskey over real HTTP, as the core's rotateAgentPasskey sends it. */
describe('RotatePasskey', () => {
  let root: string;
  let agent: TestAgent;
  const secrets: string[] = [LAUNCH_PASSKEY];
  const start = (overrides = {}) =>
    startTestAgent({ root_directory: root, passkeys: [LAUNCH_PASSKEY], ...overrides });
  const address = (passkey: string): AgentAddress => ({
    address: agent.url,
    passkey,
    insecureTls: false,
  });
  const health = (passkey: string) =>
    callAgent<{ error?: string }>(agent.url, 'GetHealth', {}, { passkey });
  const rotate = async (passkey: string) => {
    const { passkey: next } = await rotateAgentPasskey(address(passkey));
    secrets.push(next);
    return next;
  };
  const sendSealed = async (current: string, next: string, signWith = current) => {
    const sealed_passkey = await sealPasskey(current, next);
    secrets.push(next, sealed_passkey);
    return callAgent<{ error: string; code: string }>(
      agent.url,
      'RotatePasskey',
      { sealed_passkey },
      { passkey: signWith },
    );
  };

  beforeEach(async () => {
    root = mkdtempSync(join(tmpdir(), 'passkey-rotation-'));
    agent = await start();
  });
  afterEach(async () => {
    await agent.close();
    // Nothing the agent logged holds a passkey or a sealed one.
    const logged = agent.logger.lines.join('\n');
    for (const secret of secrets) expect(logged).not.toContain(secret);
    rmSync(root, { recursive: true, force: true });
  });

  it('replaces the passkey: the new one is accepted, the launch one refused at once', async () => {
    expect(agent.logger.lines).toContain('log requests are checked against 1 configured passkey');
    const next = await rotate(LAUNCH_PASSKEY);
    expect(next).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await health(next)).toEqual({ status: 200, body: {} });
    const old = await health(LAUNCH_PASSKEY);
    expect(old).toMatchObject({ status: 401, body: { code: 'UNAUTHORIZED' } });
    expect(old.body.error).toMatch(/^wrong passkey/);
    await expect(coreCall(address(LAUNCH_PASSKEY), 'GetHealth', {}, 5000)).rejects.toMatchObject({
      code: 'REFUSED',
    });
    const file = passkeyFile(agent.config);
    expect(readFileSync(file, 'utf8')).toBe(`${next}\n`);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(root, 'state')).mode & 0o777).toBe(0o700);
    expect(existsSync(`${file}.tmp`)).toBe(false);
    expect(agent.logger.lines.join('\n')).toMatch(/the core replaced the passkey/);
  });

  it('keeps the new passkey across a restart, over the configured one', async () => {
    const next = await rotate(LAUNCH_PASSKEY);
    await agent.close();
    agent = await start();
    expect(agent.logger.lines).toContain(
      `log requests are checked against the passkey the core set, kept in ${join(root, 'state', 'passkey')}`,
    );
    expect((await health(next)).status).toBe(200);
    expect((await health(LAUNCH_PASSKEY)).status).toBe(401);
    // Rotated again from the kept one: a chain of replacements.
    const third = await rotate(next);
    expect((await health(third)).status).toBe(200);
    expect((await health(next)).status).toBe(401);
  });

  it('refuses a replayed rotation, before and after a restart, changing nothing', async () => {
    const next = generatePasskey();
    const sealed_passkey = await sealPasskey(LAUNCH_PASSKEY, next);
    secrets.push(next, sealed_passkey);
    const body = JSON.stringify({ type: 'RotatePasskey', params: { sealed_passkey } });
    const authorization = await signRequest(LAUNCH_PASSKEY, { method: 'POST', path: '/', body });
    const replay = () => callAgent<{ error: string }>(agent.url, '', {}, { authorization, body });
    expect((await replay()).status).toBe(200);
    expect((await replay()).status).toBe(401);
    const latest = await rotate(next);
    const again = await replay();
    expect(again.status).toBe(401);
    await agent.close();
    agent = await start();
    // A restarted agent remembers no nonce: its passkey refuses the replay.
    const afterRestart = await replay();
    expect(afterRestart.status).toBe(401);
    expect(afterRestart.body.error).toMatch(/^wrong passkey/);
    expect((await health(latest)).status).toBe(200);
    expect((await health(next)).status).toBe(401);
  });

  it.each([
    ['too short', 'a'.repeat(31), /the new passkey must be 32 to 128 characters/],
    ['too long', 'a'.repeat(129), /the new passkey must be 32 to 128 characters/],
    ['outside base64url', `${'a'.repeat(40)} $x`, /the new passkey must be 32 to 128 characters/],
  ])('refuses a new passkey %s, changing nothing', async (_, weak, why) => {
    const answer = await sendSealed(LAUNCH_PASSKEY, weak);
    expect(answer).toMatchObject({ status: 400, body: { code: 'VALIDATION' } });
    expect(answer.body.error).toMatch(why);
    expect(answer.body.error).not.toContain(weak);
    expect((await health(LAUNCH_PASSKEY)).status).toBe(200);
    expect(existsSync(passkeyFile(agent.config))).toBe(false);
  });

  it('refuses the passkey it replaces, a seal under another passkey, a tampered or a plain one', async () => {
    const same = await sendSealed(LAUNCH_PASSKEY, LAUNCH_PASSKEY);
    expect(same).toMatchObject({ status: 400, body: { code: 'VALIDATION' } });
    expect(same.body.error).toMatch(/must differ from the one it replaces/);

    // Signed with the agent's passkey, but sealed under one it does not hold.
    const foreign = await sendSealed(generatePasskey(), generatePasskey(), LAUNCH_PASSKEY);
    expect(foreign.status).toBe(400);
    expect(foreign.body.error).toMatch(/not sealed under a passkey this agent accepts now/);

    const sealed = await sealPasskey(LAUNCH_PASSKEY, generatePasskey());
    const flipped = sealed.slice(0, -30) + (sealed.at(-30) === 'A' ? 'B' : 'A') + sealed.slice(-29);
    const tampered = await callAgent<{ error: string }>(
      agent.url,
      'RotatePasskey',
      { sealed_passkey: flipped },
      { passkey: LAUNCH_PASSKEY },
    );
    expect(tampered.status).toBe(400);
    expect(tampered.body.error).toMatch(/altered on the way/);

    const plain = generatePasskey();
    secrets.push(plain);
    const unsealed = await callAgent<{ error: string }>(
      agent.url,
      'RotatePasskey',
      { sealed_passkey: plain },
      { passkey: LAUNCH_PASSKEY },
    );
    expect(unsealed.status).toBe(400);
    expect(unsealed.body.error).toBe(
      "RotatePasskey: sealed_passkey must be a passkey sealed with @monitor/agent-client's sealPasskey",
    );
    const extra = await callAgent<{ error: string }>(
      agent.url,
      'RotatePasskey',
      { sealed_passkey: sealed, passkey: plain },
      { passkey: LAUNCH_PASSKEY },
    );
    expect(extra.status).toBe(400);
    expect(extra.body.error).toMatch(/unknown field 'passkey'/);

    // Unsigned, or signed with a wrong passkey: refused before the body is read.
    expect((await sendSealed(generatePasskey(), generatePasskey())).status).toBe(401);
    expect((await health(LAUNCH_PASSKEY)).status).toBe(200);
    expect(existsSync(passkeyFile(agent.config))).toBe(false);
  });

  it('lets one of two racing rotations win: the other is refused, sealed under a replaced passkey', async () => {
    const outcomes = await Promise.allSettled([rotate(LAUNCH_PASSKEY), rotate(LAUNCH_PASSKEY)]);
    const won = outcomes.filter((o) => o.status === 'fulfilled');
    const lost = outcomes.filter((o) => o.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const reason = (lost[0] as PromiseRejectedResult).reason as AgentError;
    expect(reason).toBeInstanceOf(AgentError);
    // Refused at its signature's check, or after it, as the seal was made under the old one.
    expect([400, 401]).toContain(reason.status);
    expect(reason.message).toMatch(
      /wrong passkey|replaced this agent's passkey|not sealed under a passkey this agent accepts now/,
    );
    const winner = (won[0] as PromiseFulfilledResult<string>).value;
    expect((await health(winner)).status).toBe(200);
    // The loser's seal, even signed with the winner's passkey, opens no longer.
    const late = await sendSealed(LAUNCH_PASSKEY, generatePasskey(), winner);
    expect(late.status).toBe(400);
    expect(late.body.error).toMatch(/not sealed under a passkey this agent accepts now/);
    expect(readFileSync(passkeyFile(agent.config), 'utf8')).toBe(`${winner}\n`);
  });

  it('refuses a request signed with the old passkey whose body arrives after the rotation', async () => {
    const body = JSON.stringify({ type: 'GetHealth', params: {} });
    const authorization = await signRequest(LAUNCH_PASSKEY, { method: 'POST', path: '/', body });
    const { hostname, port } = new URL(agent.url);
    const answered = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request(
        {
          host: hostname,
          port,
          method: 'POST',
          path: '/',
          headers: {
            authorization,
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
          },
        },
        (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      req.on('error', reject);
      // The header now (checked, passes), the body once the passkey was replaced.
      req.flushHeaders();
      req.write(body.slice(0, 5));
      setTimeout(() => void rotate(LAUNCH_PASSKEY).then(() => req.end(body.slice(5)), reject), 200);
    });
    const answer = await answered;
    expect(answer.status).toBe(401);
    expect(answer.text).toMatch(/replaced this agent's passkey while the request was read/);
  });

  it('starts from the configured passkey after a crash before the rename, and rotates over the leftover', async () => {
    const file = passkeyFile(agent.config);
    await agent.close();
    rmSync(join(root, 'state'), { recursive: true, force: true });
    mkdirSync(join(root, 'state'), { mode: 0o700 });
    writeFileSync(`${file}.tmp`, 'half-writ', { mode: 0o644 });
    agent = await start();
    expect((await health(LAUNCH_PASSKEY)).status).toBe(200);
    const next = await rotate(LAUNCH_PASSKEY);
    expect((await health(next)).status).toBe(200);
    expect(existsSync(`${file}.tmp`)).toBe(false);
  });

  it('refuses to start on a kept passkey file that holds no valid passkey', async () => {
    await rotate(LAUNCH_PASSKEY);
    await agent.close();
    writeFileSync(passkeyFile(agent.config), 'short\n');
    await expect(start()).rejects.toThrow(
      /holds no valid passkey \(the one the core set, which replaces the configured ones\)/,
    );
    // The afterEach closes the agent: one that starts again from the configured passkey.
    rmSync(passkeyFile(agent.config));
    agent = await start();
  });

  it('keeps the current passkey when the new one cannot be written', async () => {
    // A file where the state folder should be: nothing can be written under it, even as root.
    writeFileSync(join(root, 'state'), '');
    const failed = rotateAgentPasskey(address(LAUNCH_PASSKEY), 5000);
    await expect(failed).rejects.toMatchObject({ code: 'AGENT', status: 500 });
    await expect(failed).rejects.toThrow(
      /could not keep the new passkey in .*state\/passkey .*the current passkey stays in use/,
    );
    expect((await health(LAUNCH_PASSKEY)).status).toBe(200);
  });

  it('refuses on an agent with no passkey (allow_no_passkey): nothing to replace', async () => {
    await agent.close();
    agent = await start({ passkeys: [], allow_no_passkey: true });
    const answer = await sendSealed(LAUNCH_PASSKEY, generatePasskey());
    expect(answer).toMatchObject({ status: 409, body: { code: 'CONFLICT' } });
    expect(answer.body.error).toMatch(/no passkey to replace/);
  });
});
