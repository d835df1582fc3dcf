import { AgentError, callAgentStreaming, type AgentOutputFrame } from '@monitor/agent-client';
import { startTestAgent, TEST_PASSKEY, type TestAgent } from '../testing/test-agent';

/**
 * A caller that accepts `application/x-ndjson` hears a command's lines as they are printed, then
 * the answer; any other caller gets the single JSON answer it always got.
 */
describe('the agent streaming a command output', () => {
  let agent: TestAgent;
  const stack = `stream-${process.pid}`;
  const address = () => ({ address: agent.url, passkey: TEST_PASSKEY, insecureTls: false });

  beforeAll(async () => {
    agent = await startTestAgent({ stats_polling_rate_ms: 60_000 });
    await agent.call('WriteComposeFiles', {
      stack,
      files: [{ path: 'compose.yaml', contents: '' }],
    });
  });
  afterAll(() => agent.close());

  const command = 'echo first; echo oops >&2; sleep 1; echo second';
  const params = { stack, command, stage: 'pre deploy' };

  it('streams each line as it is printed, then answers the same Log', async () => {
    const frames: (AgentOutputFrame & { at: number })[] = [];
    const answer = await callAgentStreaming<{ stdout: string; stderr: string; end_ts: number }>(
      address(),
      'RunStackCommand',
      params,
      5_000,
      (frame) => frames.push({ ...frame, at: Date.now() }),
    );
    expect(frames.map(({ stream, text }) => [stream, text])).toEqual([
      ['stdout', 'first\n'],
      ['stderr', 'oops\n'],
      ['stdout', 'second\n'],
    ]);
    expect(frames.every((f) => f.stage === 'pre deploy')).toBe(true);
    // The first line came a second before the command ended.
    expect(answer.body.end_ts - frames[0].at).toBeGreaterThan(800);
    expect(answer.body).toMatchObject({ stdout: 'first\nsecond\n', stderr: 'oops\n' });
  });

  it('answers a caller that did not ask for a stream with one JSON body, as before', async () => {
    const plain = await agent.call<{ stdout: string; success: boolean }>('RunStackCommand', params);
    expect(plain.status).toBe(200);
    expect(plain.body).toMatchObject({
      stdout: 'first\nsecond\n',
      stderr: 'oops\n',
      success: true,
    });
  });

  it('waits for the next line, not for the whole call: long work that prints stays alive', async () => {
    const ticking = {
      ...params,
      command: 'for i in 1 2 3 4 5 6; do echo tick $i; sleep 0.3; done',
    };
    const frames: AgentOutputFrame[] = [];
    const answer = await callAgentStreaming<{ success: boolean }>(
      address(),
      'RunStackCommand',
      ticking,
      1_000,
      (frame) => frames.push(frame),
    );
    expect(answer.body.success).toBe(true);
    expect(frames).toHaveLength(6);
    const quiet = { ...params, command: 'echo tick; sleep 2; echo late' };
    await expect(
      callAgentStreaming(address(), 'RunStackCommand', quiet, 1_000, () => undefined),
    ).rejects.toMatchObject({ code: 'UNREACHABLE', message: 'no answer within 1000 ms' });
  });

  it('answers a refusal before any output with its status, not as a stream', async () => {
    const refused = callAgentStreaming(address(), 'RunStackCommand', { stack }, 5_000, () => {
      throw new Error('no output expected');
    });
    await expect(refused).rejects.toMatchObject({ code: 'AGENT', status: 400 });
    await expect(refused).rejects.toBeInstanceOf(AgentError);
  });
});
