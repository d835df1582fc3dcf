import { BuildProgress } from './build-progress';
import { bytesField } from './protobuf-fields';

const str = (field: number, text: string) => bytesField(field, Buffer.from(text));
const message = (...fields: Buffer[]) => Buffer.concat(fields);
/** A line of the engine's `/build` answer carrying one BuildKit StatusResponse. */
const trace = (...fields: Buffer[]) => ({
  id: 'moby.buildkit.trace',
  aux: message(...fields).toString('base64'),
});
const vertex = (digest: string, name: string, ...more: Buffer[]) =>
  bytesField(1, message(str(1, digest), str(3, name), ...more));
const log = (digest: string, text: string) => bytesField(3, message(str(1, digest), str(4, text)));
const completed = bytesField(6, Buffer.from([0x08, 0x01]));

describe("BuildKit's progress, as --progress=plain prints it", () => {
  it('numbers each step once, puts its output under its number, and says when it is done', () => {
    const progress = new BuildProgress();
    expect(progress.lines(trace(vertex('sha256:a', '[1/2] COPY busybox /bin/busybox')))).toEqual([
      '#1 [1/2] COPY busybox /bin/busybox',
    ]);
    expect(
      progress.lines(trace(vertex('sha256:b', '[2/2] RUN make'), log('sha256:b', 'one\ntwo\n'))),
    ).toEqual(['#2 [2/2] RUN make', '#2 one', '#2 two']);
    expect(progress.lines(trace(vertex('sha256:b', '[2/2] RUN make', completed)))).toEqual([
      '#2 DONE',
    ]);
    expect(progress.lines(trace(vertex('sha256:b', '[2/2] RUN make', completed)))).toEqual([]);
    const cached = Buffer.from([0x20, 0x01]);
    expect(progress.lines(trace(vertex('sha256:c', '[1/1] FROM x', cached)))).toEqual([
      '#3 [1/1] FROM x',
      '#3 CACHED',
    ]);
  });

  it("keeps a step's error and the build's, and the image built", () => {
    const progress = new BuildProgress();
    expect(progress.lines(trace(vertex('sha256:a', 'RUN false', str(7, 'exit code: 1'))))).toEqual([
      '#1 RUN false',
      '#1 ERROR: exit code: 1',
    ]);
    expect(progress.lines({ errorDetail: { message: 'failed to solve: exit code: 1' } })).toEqual([
      'ERROR: failed to solve: exit code: 1',
    ]);
    expect(progress.error).toBe('failed to solve: exit code: 1');
    progress.lines({ id: 'moby.image.id', aux: { ID: 'sha256:abc' } });
    expect(progress.imageId).toBe('sha256:abc');
  });
});
