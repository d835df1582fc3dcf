import { protoFields, type ProtoField } from './protobuf-fields';

/** One line of the engine's `/build` answer (BuildKit's progress rides in `aux`). */
export interface BuildLine {
  id?: string;
  aux?: unknown;
  stream?: string;
  error?: string;
  errorDetail?: { message?: string };
}

const text = (f: ProtoField | undefined) =>
  Buffer.isBuffer(f?.value) ? f.value.toString('utf8') : '';

/**
 * BuildKit's progress as `docker build --progress=plain` prints it: each step numbered when it
 * starts (`#3 [2/3] RUN make`), its output under its number, then `#3 DONE`, `#3 CACHED` or
 * `#3 ERROR: ...`. Fed the engine's lines one by one; `lines` answers what each one printed.
 */
export class BuildProgress {
  private readonly numbers = new Map<string, number>();
  private readonly finished = new Set<string>();
  /** The image built, once the engine says it. */
  imageId?: string;
  /** The build's failure, from an error line. */
  error?: string;

  lines(line: BuildLine): string[] {
    if (line.error || line.errorDetail) {
      this.error = line.errorDetail?.message ?? line.error;
      return [`ERROR: ${this.error}`];
    }
    if (line.id === 'moby.image.id') {
      this.imageId = (line.aux as { ID?: string } | undefined)?.ID;
      return [];
    }
    if (line.id === 'moby.buildkit.trace' && typeof line.aux === 'string')
      return this.status(protoFields(Buffer.from(line.aux, 'base64')));
    return line.stream ? line.stream.split('\n').filter(Boolean) : [];
  }

  /** A StatusResponse: vertexes (field 1) and their logs (field 3). */
  private status(fields: ProtoField[]): string[] {
    const out: string[] = [];
    for (const { field, value } of fields) {
      if (!Buffer.isBuffer(value)) continue;
      const inner = protoFields(value);
      const get = (n: number) => inner.find((f) => f.field === n);
      if (field === 1)
        out.push(
          ...this.vertex(
            text(get(1)),
            text(get(3)),
            get(4)?.value === 1,
            get(6) !== undefined,
            text(get(7)),
          ),
        );
      if (field === 3) {
        const number = this.number(text(get(1)));
        const message = text(get(4)).replace(/\r?\n$/, '');
        out.push(...message.split(/\r?\n/).map((l) => `#${number} ${l}`));
      }
    }
    return out;
  }

  private vertex(digest: string, name: string, cached: boolean, completed: boolean, error: string) {
    const out: string[] = [];
    const known = this.numbers.has(digest);
    const number = this.number(digest);
    if (!known) out.push(`#${number} ${name}`);
    if (this.finished.has(digest)) return out;
    if (error) out.push(`#${number} ERROR: ${error}`);
    else if (cached) out.push(`#${number} CACHED`);
    else if (completed) out.push(`#${number} DONE`);
    else return out;
    this.finished.add(digest);
    return out;
  }

  private number(digest: string): number {
    let number = this.numbers.get(digest);
    if (number === undefined) {
      number = this.numbers.size + 1;
      this.numbers.set(digest, number);
    }
    return number;
  }
}
