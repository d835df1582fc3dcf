import { checkRequests, closest } from './action-lint';

/** The text a problem's span marks. */
const marked = (doc: string) => checkRequests(doc).map((p) => doc.slice(p.from, p.to));

describe('request names checked in an Action script', () => {
  it('passes the names Monitor answers under their verb, on either client', () => {
    const doc = [
      "const stacks = await komodo.read('ListStacks', {});",
      "await komodo.execute_and_poll('Deploy', { deployment: 'web' });",
      'await monitor.write("UpdateStack", { id: "s", config: {} });',
      'await komodo.execute(`RunBuild`, { build: "b" });',
    ].join('\n');
    expect(checkRequests(doc)).toEqual([]);
  });

  it('marks an unknown name, with the closest known one as a fix', () => {
    const doc = "await komodo.execute('Deplyo', { deployment: 'web' });";
    const [problem] = checkRequests(doc);
    expect(doc.slice(problem.from, problem.to)).toBe('Deplyo');
    expect(problem.message).toBe(
      "Monitor answers no execute request 'Deplyo': did you mean 'Deploy'?",
    );
    expect(problem.fix).toEqual({
      label: "Use 'Deploy'",
      from: problem.from,
      to: problem.to,
      insert: 'Deploy',
    });
  });

  it('marks a name nothing is near without a suggestion', () => {
    const [problem] = checkRequests("monitor.read('Frobnicate', {})");
    expect(problem.message).toBe("Monitor answers no read request 'Frobnicate'");
    expect(problem.fix).toBeUndefined();
  });

  it('says which verb a name of another verb belongs to, and fixes the method', () => {
    const doc = "await komodo.read('Deploy', { deployment: 'web' });";
    const [problem] = checkRequests(doc);
    expect(doc.slice(problem.from, problem.to)).toBe('Deploy');
    expect(problem.message).toBe(
      "'Deploy' is an execute request: call it with komodo.execute('Deploy', …)",
    );
    const fix = problem.fix!;
    expect(doc.slice(0, fix.from) + fix.insert + doc.slice(fix.to)).toBe(
      "await komodo.execute('Deploy', { deployment: 'web' });",
    );
    expect(checkRequests("monitor.execute('GetStack', {})")[0].message).toContain(
      "is a read request: call it with monitor.read('GetStack'",
    );
  });

  it('checks every call, on any line, and none in comments, other strings or other objects', () => {
    const doc = [
      "// komodo.read('Nope')",
      "/* monitor.execute('Nope') */",
      'console.log("komodo.read(\'Nope\')");',
      "other.read('Nope');",
      "komodo.getUser('Nope');",
      "komodo.read('GetStak', {}); komodo.write(",
      "  'CreateStak', {});",
      "komodo.read('', {});",
    ].join('\n');
    expect(marked(doc)).toEqual(['GetStak', 'CreateStak']);
  });

  it('finds the closest name by letters in any case, else by fewest edits', () => {
    const names = ['GetStack', 'ListStacks', 'GetStackLog'];
    expect(closest('getstack', names)).toBe('GetStack');
    expect(closest('GetStak', names)).toBe('GetStack');
    expect(closest('ListStack', names)).toBe('ListStacks');
    expect(closest('Deploy', names)).toBeUndefined();
  });
});
