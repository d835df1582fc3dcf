import { SseParser } from './sse';

describe('SseParser', () => {
  it('returns each message once its blank line has arrived, across chunks', () => {
    const parser = new SseParser();
    expect(parser.push(': connected\n\nid: 7\nevent: Deployment')).toEqual([]);
    expect(parser.push('StatusChanged\ndata: {"a":1}\n\nid: 8\n')).toEqual([
      { id: '7', event: 'DeploymentStatusChanged', data: '{"a":1}' },
    ]);
    expect(parser.push('data: x\r\n\r\n')).toEqual([{ id: '8', data: 'x' }]);
  });

  it('joins data lines and skips comments and messages without data', () => {
    const parser = new SseParser();
    expect(parser.push(': keep-alive\n\ndata: a\ndata: b\n\nid: 3\n\n')).toEqual([
      { data: 'a\nb' },
    ]);
  });
});
