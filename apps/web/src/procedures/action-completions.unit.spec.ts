import { completeAt } from './action-completions';
import { KOMODO_MEMBERS } from './action-globals';

/** The completions where `|` stands in `text`. */
function at(text: string, explicit = false) {
  const pos = text.indexOf('|');
  return completeAt(text.slice(0, pos) + text.slice(pos + 1), pos, explicit);
}
const labels = (text: string, explicit = false) => at(text, explicit)?.options.map((o) => o.label);

describe('completions in an Action script', () => {
  it("offers komodo_client's members after `komodo.`, from the word begun", () => {
    const found = at('const x = await komodo.exe|');
    expect(found?.from).toBe('const x = await komodo.'.length);
    expect(found?.options.map((o) => o.label)).toEqual(Object.keys(KOMODO_MEMBERS));
    expect(found?.options.find((o) => o.label === 'execute_and_poll')).toMatchObject({
      type: 'function',
      detail: '(name, params)',
    });
    expect(labels('komodo.|')).toContain('poll_update_until_complete');
  });

  it("offers Monitor's client's three verbs after `monitor.`", () => {
    expect(labels('monitor . |')).toEqual(['read', 'write', 'execute']);
  });

  it("offers a verb's request names in the string naming the request, its params as detail", () => {
    const found = at("await komodo.execute('Dep|");
    expect(found?.from).toBe("await komodo.execute('".length);
    expect(found?.options.find((o) => o.label === 'Deploy')).toMatchObject({
      detail: '{ deployment, stop_signal?, stop_time? }',
    });
    const names = found?.options.map((o) => o.label);
    expect(names).toContain('BatchDeployStack');
    expect(names).not.toContain('GetDeployment');
    expect(labels('komodo.execute_and_poll("|')).toContain('RunBuild');
    expect(labels('monitor.read(\n  `|')).toContain('ListStacks');
    expect(labels("komodo.write('|")).toContain('UpdateDeployment');
    expect(at("komodo.read('|")?.options.find((o) => o.label === 'GetVersion')?.detail).toBe('{}');
  });

  it('offers nothing in a string that names no request, nor in a comment', () => {
    expect(at("console.log('Dep|")).toBeNull();
    expect(at("komodo.getUser('|")).toBeNull();
    expect(at("// komodo.execute('Dep|")).toBeNull();
    expect(at('/* komodo.| */')).toBeNull();
  });

  it("offers the request's params as keys of its params object, less those given", () => {
    const found = at("komodo.execute('Deploy', { stop_time: 1, |");
    expect(found?.options.map((o) => o.label)).toEqual(['deployment', 'stop_signal']);
    expect(found?.options[0]).toMatchObject({ detail: 'required', apply: 'deployment: ' });
    expect(found?.options[1]).toMatchObject({ detail: 'optional' });
    expect(at("komodo.read('ListStacks', {\n  que|")?.from).toBe(
      "komodo.read('ListStacks', {\n  ".length,
    );
    expect(labels("komodo.read('ListStacks', { query: { tags: ['a,b'] }, |")).toContain('limit');
  });

  it('offers no params inside a value, nor for a request Monitor lacks', () => {
    expect(at("komodo.read('ListStacks', { query: { |")).toBeNull();
    expect(at("komodo.read('NoSuchRequest', { |")).toBeNull();
    expect(labels("komodo.read('ListStacks', { query: { ta|")).toEqual([
      'komodo',
      'monitor',
      'ARGS',
    ]);
  });

  it('completes the globals as a word, and anywhere when asked', () => {
    expect(labels('const a = AR|')).toEqual(['komodo', 'monitor', 'ARGS']);
    expect(at('const a = AR|')?.from).toBe('const a = '.length);
    expect(at('\n|')).toBeNull();
    expect(labels('\n|', true)).toContain('ARGS');
    expect(labels('ARGS.na|')).toBeUndefined();
  });
});
