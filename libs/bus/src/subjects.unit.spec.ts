import { commandSubject, execSubject, querySubject } from './subjects';

describe('bus subjects', () => {
  it('names commands, queries and executions, with the kind in lower case', () => {
    expect(commandSubject('Server', 'CreateServer')).toBe('cmd.server.CreateServer');
    expect(commandSubject('ServerTemplate', 'CopyServerTemplate')).toBe(
      'cmd.servertemplate.CopyServerTemplate',
    );
    expect(querySubject('ListServers')).toBe('query.ListServers');
    expect(execSubject('Deployment', 'Deploy')).toBe('exec.deployment.Deploy');
  });

  it.each([
    ['a separator', () => commandSubject('server.x', 'CreateServer')],
    ['a wildcard', () => querySubject('*')],
    ['a full wildcard', () => execSubject('Deployment', '>')],
    ['a space', () => querySubject('List Servers')],
    ['nothing', () => commandSubject('', 'CreateServer')],
  ])('refuses a part with %s', (_what, subject) => {
    expect(subject).toThrow(/invalid .* for a bus subject/);
  });
});
