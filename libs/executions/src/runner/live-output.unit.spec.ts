import { appendBatch, emptyTail, OUTPUT_CAPS, splitLines, type OutputBatch } from '@monitor/domain';
import { ExecutionContext } from './execution-context';
import { LiveOutput } from './live-output';

const lines = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => `line ${from + i}\n`).join('');

/** A LiveOutput whose appends are recorded, each taking `storeMs`. */
function recording(storeMs = 0, every = { ms: 50, lines: 100 }) {
  const batches: OutputBatch[] = [];
  const live = new LiveOutput(
    async (batch) => {
      await new Promise((r) => setTimeout(r, storeMs));
      batches.push(batch);
    },
    (line) => line.replace(/hunter2/g, '***'),
    every,
  );
  return { live, batches };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("a running stage's output on its way to the Update", () => {
  it('sends a line after a quiet spell at once, then what follows after the interval, masked', async () => {
    // An interval long enough that a loaded machine still checks within it.
    const { live, batches } = recording(0, { ms: 300, lines: 100 });
    live.write({ stage: 'pre deploy', stream: 'stdout', text: 'token hunter2\n' });
    await sleep(0);
    expect(batches).toEqual([
      { stage: 'pre deploy', stdout: 'token ***\n', stderr: '', ts: expect.any(Number) },
    ]);
    live.write({ stage: 'pre deploy', stream: 'stdout', text: 'more\n' });
    live.write({ stage: 'pre deploy', stream: 'stderr', text: 'oops hunter2\n' });
    await sleep(10);
    expect(batches).toHaveLength(1);
    await sleep(400);
    expect(batches[1]).toEqual({
      stage: 'pre deploy',
      stdout: 'more\n',
      stderr: 'oops ***\n',
      ts: expect.any(Number),
    });
  });

  it('sends at once past 100 lines, and a new stage in a batch of its own', async () => {
    const { live, batches } = recording();
    live.write({ stage: 'pull', stream: 'stdout', text: lines(0, 100) });
    await sleep(0);
    expect(batches).toHaveLength(1);
    live.write({ stage: 'pull', stream: 'stdout', text: lines(100, 1) });
    live.write({ stage: 'up', stream: 'stdout', text: 'started\n' });
    await sleep(10);
    expect(batches.map((b) => [b.stage, splitLines(b.stdout).length])).toEqual([
      ['pull', 100],
      ['pull', 1],
      ['up', 1],
    ]);
  });

  it('keeps the tail of 100k lines within the caps while the store is slow', async () => {
    const { live, batches } = recording(20);
    for (let from = 0; from < 100_000; from += 1_000) {
      live.write({ stage: 'build', stream: 'stdout', text: lines(from, 1_000) });
      if (from % 10_000 === 0) await sleep(5);
    }
    await sleep(150);
    await live.settle();
    // What the Update shows: every batch folded into one tail, as the projection does.
    const tail = batches.reduce(
      (t, b) => appendBatch(t, splitLines(b.stdout), b.dropped?.stdout),
      emptyTail(),
    );
    expect(tail.lines.length).toBeLessThanOrEqual(OUTPUT_CAPS.lines);
    expect(tail.bytes).toBeLessThanOrEqual(OUTPUT_CAPS.bytes);
    expect(tail.lines.at(-1)).toBe('line 99999');
    // The lines shown are the last ones, without a gap, and the note counts all the others.
    expect(tail.lines[0]).toBe(`line ${100_000 - tail.lines.length}`);
    expect(tail.droppedLines).toBe(100_000 - tail.lines.length);
    expect(batches.some((b) => b.dropped?.stdout)).toBe(true);
    for (const batch of batches) {
      expect(splitLines(batch.stdout).length).toBeLessThanOrEqual(OUTPUT_CAPS.lines);
      expect(batch.stdout).not.toContain('dropped');
    }
    // Far fewer appends than lines: the store is not asked once per line.
    expect(batches.length).toBeLessThan(100);
  });

  it('stores a trickle once a stage is past its budget: few lines, seldom, the count exact', async () => {
    const batches: OutputBatch[] = [];
    const live = new LiveOutput(
      async (batch) => void batches.push(batch),
      (line) => line,
      { ms: 5, lines: 10 },
      { bytes: 2_000, ms: 300, lines: 3, batchBytes: 1_000 },
    );
    const started = Date.now();
    for (let from = 0; from < 2_000; from += 20) {
      live.write({ stage: 'build', stream: 'stdout', text: lines(from, 20) });
      await sleep(10);
    }
    await sleep(350);
    const elapsed = Date.now() - started;
    const stored = batches.reduce((sum, b) => sum + b.stdout.length, 0);
    const late = batches.slice(
      batches.findIndex(
        (_, i) => batches.slice(0, i).reduce((sum, b) => sum + b.stdout.length, 0) >= 2_000,
      ),
    );
    // Past the budget: at most one batch per 300 ms, each at most 3 lines.
    expect(late.length).toBeGreaterThan(0);
    expect(late.length).toBeLessThanOrEqual(Math.ceil(elapsed / 300) + 1);
    for (const batch of late) expect(splitLines(batch.stdout).length).toBeLessThanOrEqual(3);
    expect(stored).toBeLessThan(2_000 + late.length * 1_000);
    // What the Update shows still ends at the last line, and counts every other one.
    const tail = batches.reduce(
      (t, b) => appendBatch(t, splitLines(b.stdout), b.dropped?.stdout),
      emptyTail(),
    );
    expect(tail.lines.at(-1)).toBe('line 1999');
    expect(tail.droppedLines + tail.lines.length).toBe(2_000);
  });

  it('drops what was not sent when the stage ends, and throws a failed append', async () => {
    const failing = new LiveOutput(
      () => Promise.reject(new Error('store down')),
      (line) => line,
      { ms: 1, lines: 100 },
    );
    failing.write({ stage: 's', stream: 'stdout', text: 'x\n' });
    await sleep(20);
    await expect(failing.settle()).rejects.toThrow('store down');
    const { live, batches } = recording();
    live.write({ stage: 's', stream: 'stdout', text: 'sent\n' });
    live.write({ stage: 's', stream: 'stdout', text: 'never sent\n' });
    await live.settle();
    await sleep(80);
    expect(batches.map((b) => b.stdout)).toEqual(['sent\n']);
  });

  it("bounds a stage's log as its output was bounded", async () => {
    const logs: { stdout: string }[] = [];
    const ctx = new ExecutionContext(
      async (log) => void logs.push(log),
      async () => undefined,
    );
    ctx.secret('hunter2');
    await ctx.stage('build', 'make', async () => ({ stdout: `${lines(0, 100_000)}hunter2\n` }));
    const kept = splitLines(logs[0].stdout);
    expect(kept[0]).toMatch(/^\[… \d+ earlier lines/);
    expect(kept.at(-1)).toBe('*****');
    expect(kept.length).toBeLessThanOrEqual(OUTPUT_CAPS.lines + 1);
    expect(logs[0].stdout).not.toContain('hunter2');
  });

  it('masks a secret straddling the line cut before cutting, live and in the log', async () => {
    const secret = 'hunter2-is-the-password';
    const head = 'a'.repeat(OUTPUT_CAPS.lineLength - 7);
    const line = `${head}${secret}${'b'.repeat(20)}`;
    const logs: { stdout: string }[] = [];
    const batches: OutputBatch[] = [];
    const ctx = new ExecutionContext(
      async (log) => void logs.push(log),
      async () => undefined,
      async (batch) => void batches.push(batch),
    );
    ctx.secret(secret);
    await ctx.stage('build', 'make', async () => {
      ctx.output({ stage: 'build', stream: 'stdout', text: `${line}\n` });
      await sleep(20);
      return { stdout: `${line}\n` };
    });
    const [live] = splitLines(batches[0].stdout);
    const [logged] = splitLines(logs[0].stdout);
    for (const shown of [live, logged]) {
      expect(shown).toMatch(/ \[… line cut\]$/);
      expect(shown.startsWith(`${head}*`)).toBe(true);
      expect(shown).not.toContain(secret.slice(0, 7));
    }
  });
});
