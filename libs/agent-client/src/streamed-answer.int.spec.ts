import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { callAgentStreaming } from './agent-client';

/** An agent stand-in over real HTTP that streams the given frames, `gapMs` apart. */
function streamingServer(frames: string[], gapMs: number): Promise<Server> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', async () => {
      res.writeHead(200, { 'content-type': 'application/x-ndjson; charset=utf-8' });
      for (const frame of frames) {
        await new Promise((r) => setTimeout(r, gapMs));
        res.write(`${frame}\n`);
      }
      res.end();
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

describe('reading a streamed answer', () => {
  const servers: Server[] = [];
  afterAll(() => Promise.all(servers.map((s) => new Promise((r) => s.close(r)))));
  const call = async (frames: string[], gapMs: number, idleMs: number) => {
    const server = await streamingServer(frames, gapMs);
    servers.push(server);
    const output: string[] = [];
    const { port } = server.address() as AddressInfo;
    const address = { address: `http://127.0.0.1:${port}`, passkey: 'p', insecureTls: false };
    const answer = await callAgentStreaming(address, 'Slow', {}, idleMs, (f) =>
      output.push(f.text),
    );
    return { answer: answer.body, output };
  };

  it('takes keep-alive frames as signs of life, not output: silence longer than the idle timeout', async () => {
    const keepAlive = JSON.stringify({ keepalive: true });
    // 2.4 s in all, a frame every 300 ms, against a 1 s idle timeout: room for a loaded machine.
    const { answer, output } = await call(
      [...Array.from({ length: 7 }, () => keepAlive), JSON.stringify({ answer: { ok: 1 } })],
      300,
      1_000,
    );
    expect(answer).toEqual({ ok: 1 });
    expect(output).toEqual([]);
  });

  it('times out when even keep-alive frames stop', async () => {
    const keepAlive = JSON.stringify({ keepalive: true });
    await expect(call([keepAlive], 600, 300)).rejects.toMatchObject({
      code: 'UNREACHABLE',
      message: 'no answer within 300 ms',
    });
  });

  it.each(['null', '1', '"text"'])(
    'refuses a frame that is JSON but no object (%s)',
    async (frame) => {
      await expect(call([frame], 1, 1_000)).rejects.toMatchObject({
        code: 'AGENT',
        message: 'Slow: the agent streamed a frame that is not a JSON object',
      });
    },
  );
});
