import { closeSync, openSync } from 'node:fs';
import { readSample } from './read-sample';

/** Holds every file descriptor the process may still open, as a flood of connections would. */
function exhaustFileDescriptors(): number[] {
  const held: number[] = [];
  try {
    for (;;) held.push(openSync('/dev/null', 'r'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EMFILE') throw error;
  }
  return held;
}

describe('reading a system sample', () => {
  it('fails as a rejection, not an uncaught error, when no file descriptor is left', async () => {
    const held = exhaustFileDescriptors();
    let outcome: unknown;
    try {
      outcome = await readSample().then(
        () => 'read',
        (error: Error) => error,
      );
      // What systeminformation does in callbacks of its own settles within a moment.
      await new Promise((resolve) => setTimeout(resolve, 200));
    } finally {
      held.forEach((fd) => closeSync(fd));
    }
    expect(outcome).toMatchObject({ message: expect.stringMatching(/error 24|EMFILE/) });
    expect((await readSample()).mem.total).toBeGreaterThan(0);
  });
});
