import { LineSplitter, MASK_WINDOW, MAX_LINE_LENGTH } from './output-lines';

const SECRET = 'hunter2-secret-value';
const mask = (text: string) => text.split(SECRET).join('***');

describe('cutting output into bounded lines', () => {
  it('cuts a line past the bound and keeps the next whole', () => {
    const splitter = new LineSplitter();
    const long = 'x'.repeat(MAX_LINE_LENGTH + 10);
    expect(splitter.push(long.slice(0, 5000))).toEqual([]);
    expect(splitter.push(long.slice(5000))).toEqual([]);
    const [cut, next] = splitter.push('\nnext\npart');
    expect(cut).toBe(`${'x'.repeat(MAX_LINE_LENGTH)} [… line cut]`);
    expect(next).toBe('next');
    expect(splitter.end()).toEqual(['part']);
  });

  it('cuts a line that never ends once it passes the mask window, and skips the rest', () => {
    const splitter = new LineSplitter();
    const [cut] = splitter.push('y'.repeat(MAX_LINE_LENGTH + MASK_WINDOW + 1));
    expect(cut).toBe(`${'y'.repeat(MAX_LINE_LENGTH)} [… line cut]`);
    expect(splitter.push('y'.repeat(100_000))).toEqual([]);
    expect(splitter.push('still the same line\nnext\n')).toEqual(['next']);
  });

  // A secret placed across the cut at every offset: masked before cutting, no part of it shows.
  it.each([1, 5, 10, SECRET.length - 1])(
    'masks a secret straddling the cut (%i characters of it before the cut)',
    (before) => {
      const head = 'a'.repeat(MAX_LINE_LENGTH - before);
      const line = `${head}${SECRET}${'b'.repeat(50)}`;
      for (const chunks of [[`${line}\n`], [line, '\n'], [line.slice(0, 100), line.slice(100)]]) {
        const splitter = new LineSplitter(mask);
        const out = [...chunks.flatMap((chunk) => splitter.push(chunk)), ...splitter.end()];
        const masked = `${head}***${'b'.repeat(50)}`;
        expect(out).toEqual([`${masked.slice(0, MAX_LINE_LENGTH)} [… line cut]`]);
        expect(out[0]).not.toContain(SECRET.slice(0, before));
      }
    },
  );

  it('masks a secret straddling the cut of a line that never ends', () => {
    const splitter = new LineSplitter(mask);
    const head = 'c'.repeat(MAX_LINE_LENGTH - 4);
    const [cut] = splitter.push(`${head}${SECRET}${'d'.repeat(MASK_WINDOW)}`);
    expect(cut).toBe(`${head}***d [… line cut]`);
    expect(cut).not.toContain(SECRET.slice(0, 4));
  });

  it('masks whole lines within the bound, as before', () => {
    const splitter = new LineSplitter(mask);
    expect(splitter.push(`token ${SECRET}\nmore ${SECRET.slice(0, 6)}`)).toEqual(['token ***']);
    expect(splitter.end()).toEqual([`more ${SECRET.slice(0, 6)}`]);
  });
});
